import { describe, expect, test } from '@jest/globals';
import { eventRef } from './history.js';
import { IncidentFold } from './incident-fold.js';
import { randomStory } from './testing/random-story.js';
import { Recorder } from './testing/recorder.js';
import { timelineEntryJson, toTimelineEntry } from './timeline.js';
import { claimView, claimViewJson } from './view.js';

describe('JSON built from text for projections', () => {
  test('equals JSON.stringify of the entry and of each changed claim, on a random story', () => {
    const recorder = new Recorder();
    recorder.record(...randomStory({ seed: 11, events: 1500 }));
    const fold = new IncidentFold();
    let claims = 0;
    for (const event of recorder.events) {
      const before = fold.details() ? fold : null;
      const entry = JSON.stringify(toTimelineEntry(event, before));
      expect(timelineEntryJson(event, before, JSON.stringify(eventRef(event)))).toBe(entry);
      fold.apply(event);
      for (const claimId of fold.changedClaims()) {
        const claim = fold.claim(claimId)!;
        expect(claimViewJson(claim)).toBe(JSON.stringify(claimView(claim)));
        claims += 1;
      }
    }
    expect(claims).toBeGreaterThan(1000);
  });
});
