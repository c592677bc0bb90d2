// Renderer entry: language first, then the window this renderer was opened as.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { windowKindFrom } from './app/window-kind.js';
import { initI18n } from './i18n/index.js';

await initI18n();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App windowKind={windowKindFrom(window.location.search)} />
    </StrictMode>,
  );
}
