// Entry point of the renderer: styles, stores, and the React root.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import './styles/theme.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/generations.css';
import './styles/history.css';
import './styles/diff.css';
import './styles/actions.css';
import './styles/boot.css';
import './styles/runs.css';
import './styles/pins.css';
import './styles/settings.css';
import { App } from './app.tsx';
import { startStores } from './stores/bound-stores.ts';

// zod probes for eval with `new Function`, which the page's CSP forbids (and reports): tell it not to.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
startStores();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
