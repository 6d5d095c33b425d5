import { render } from 'preact';
import { FeedContext, connectFeed } from './feed/feed-context.js';
import { App } from './shell/app.js';

const root = document.getElementById('app');
if (root) {
  render(
    <FeedContext.Provider value={connectFeed()}>
      <App />
    </FeedContext.Provider>,
    root,
  );
}
