// common/: runtime-free code shared by main, preload and renderer: the contract, wire shapes, Nix name and version rules.
// IPC channel names of the Electron door (shared by main/app and preload).

/** The channel of one contract call. */
export function callChannel(name: string): string {
  return `gentry:call:${name}`;
}

/** The channel every event travels on, as `{event, payload}`. */
export const EVENT_CHANNEL = 'gentry:event';
