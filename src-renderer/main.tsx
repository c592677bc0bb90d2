// Renderer entry: language first, then (kiosk) whatever a crashed or killed session left behind is cleared, then the window this renderer was opened as.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, loadWindowView } from './app/App.js';
import { ViewLoadFailed } from './app/lazy-view.js';
import { windowKindFrom } from './app/window-kind.js';
import { initI18n } from './i18n/index.js';
import { clearCandidateTraces } from './privacy/clear-traces.js';
import { go } from './stores/flow-store.js';
import './print.css';

const windowKind = windowKindFrom(window.location.search);
// The window's chunk downloads while i18n starts and traces are cleared, not after.
const windowView = loadWindowView(windowKind);
await initI18n();
if (windowKind === 'kiosk') {
  // SPEC K2 crash recovery: a page that starts never inherits a previous candidate's traces.
  await clearCandidateTraces();
  // The emailed password-reset link (A5) opens the kiosk on its page.
  const resetToken = new URLSearchParams(window.location.search).get('resetToken');
  if (resetToken !== null) go({ name: 'resetLink', token: resetToken });
}
const root = document.getElementById('root');
// A chunk that cannot be read (files replaced under a running kiosk) shows why, with a retry, not a blank window.
const View = await windowView.catch(() => ViewLoadFailed);
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App view={View} />
    </StrictMode>,
  );
}
