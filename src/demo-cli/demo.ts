/**
 * `npm run demo`: replays the At Tanf 2017 story into a running storyline through its public
 * HTTP API, about one update a second, so a person can watch it arrive on the dashboard.
 */
import { AT_TANF_INCIDENT_ID, atTanf2017Commands } from '../incidents/demo/at-tanf-2017.js';
import { freshIncidentId, withIncidentId } from './command-request.js';
import { DemoUsageError, USAGE, parseDemoOptions } from './demo-options.js';
import { DemoStepError, runDemo } from './run-demo.js';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

try {
  const options = parseDemoOptions(process.argv.slice(2), process.env);
  const incidentId = options.incidentId ?? freshIncidentId(AT_TANF_INCIDENT_ID);
  await runDemo(withIncidentId(atTanf2017Commands(), incidentId), options, {
    log: say,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
} catch (error) {
  if (error instanceof DemoUsageError) {
    process.stderr.write(`${error.message ? `demo: ${error.message}\n` : ''}${USAGE}\n`);
    process.exitCode = 2;
  } else if (error instanceof DemoStepError) {
    process.stderr.write(`demo: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
