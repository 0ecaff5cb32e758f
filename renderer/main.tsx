// Entry point of the renderer: styles, stores, and the React root.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import './shared/styles/theme.css';
import './shared/styles/layout.css';
import './shared/styles/controls.css';
import './features/generations/view/generations.css';
import './features/history/components/history.css';
import './features/diff/view/diff.css';
import './features/actions/components/actions.css';
import './features/boot/view/boot.css';
import './features/runs/view/runs.css';
import './features/pins/view/pins.css';
import './features/settings/view/settings.css';
import { App } from './shared/app/app.tsx';
import { startStores } from './shared/stores/bound-stores.ts';

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
