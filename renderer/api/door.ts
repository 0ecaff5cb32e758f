// Picks the door to Gentry: the Electron preload's window.gentry when present, else the WebSocket client.
import type { GentryApi } from '../../common/contract.ts';
import { alwaysOpen, type ConnectionSource } from './connection.ts';
import { apiSocketUrl } from './socket-url.ts';
import { createWebClient } from './web-client.ts';

function openDoor(): { api: GentryApi; connection: ConnectionSource } {
  if (window.gentry) return { api: window.gentry, connection: alwaysOpen };
  const client = createWebClient({ url: apiSocketUrl(window.location) });
  return { api: client.api, connection: client.connection };
}

const door = openDoor();

/** The contract, through whichever door this page was opened by. */
export const api: GentryApi = door.api;

/** The state of the link to Gentry (always open inside Electron). */
export const connection: ConnectionSource = door.connection;
