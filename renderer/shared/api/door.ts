// Picks the door to Gentry: the Electron preload's window.gentry when present, else the WebSocket client.
import type { GentryApi } from '../../../common/contract/index.ts';
import { alwaysOpen, type ConnectionSource } from './connection.ts';
import { socketProtocols, takeSessionToken } from './session-token.ts';
import { apiSocketUrl } from './socket-url.ts';
import { createWebClient } from './web-client.ts';

function openDoor(): { api: GentryApi; connection: ConnectionSource } {
  if (window.gentry) return { api: window.gentry, connection: alwaysOpen };
  const token = takeSessionToken({
    location: window.location,
    storage: {
      getItem: (key) => window.sessionStorage.getItem(key),
      setItem: (key, value) => window.sessionStorage.setItem(key, value),
    },
    replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
  });
  if (token === null) console.warn('Gentry: this page has no session token; open the URL that `gentry serve` printed (it ends in #token=…).');
  const client = createWebClient({ url: apiSocketUrl(window.location), protocols: socketProtocols(token) });
  // Opening a URL with a (new) token in this tab changes only the fragment, which does not reload the page:
  // reload it, so it starts over with that token (say, after `gentry serve` was restarted).
  window.addEventListener('hashchange', () => {
    if (new URLSearchParams(window.location.hash.replace(/^#/, '')).has('token')) window.location.reload();
  });
  return { api: client.api, connection: client.connection };
}

const door = openDoor();

/** The contract, through whichever door this page was opened by. */
export const api: GentryApi = door.api;

/** The state of the link to Gentry (always open inside Electron). */
export const connection: ConnectionSource = door.connection;
