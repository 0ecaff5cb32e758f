// IPC channel names of the Electron door (shared by main/app and preload).

/** The channel of one contract call. */
export function callChannel(name: string): string {
  return `gentry:call:${name}`;
}

/** The channel every event travels on, as `{event, payload}`. */
export const EVENT_CHANNEL = 'gentry:event';
