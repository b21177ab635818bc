import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { App } from './app/App';
import { styleNonce } from './app/theme';

// Mantine's Modal locks scrolling with react-remove-scroll, which writes a <style> tag carrying
// the nonce it finds in get-nonce's fallback, the __webpack_nonce__ global: without it the CSP
// blocks that tag (seen in the browser journeys on every dialog).
(globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = styleNonce();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
