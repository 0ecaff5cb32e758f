// The state of the link between this page and Gentry's main process, as the UI needs to show it.

/** Where the link stands: first connection, open, or lost (waiting to retry or retrying). */
export type ConnectionPhase = 'connecting' | 'open' | 'lost';

/** A snapshot of the link. */
export type ConnectionStatus = {
  phase: ConnectionPhase;
  /** True once the link has been open at least once. */
  everConnected: boolean;
  /** Failed attempts since the link was last open. */
  failures: number;
  /** When the next attempt starts (epoch ms), or null while one is under way or the link is open. */
  retryAt: number | null;
};

/** Something that reports the link's state and can be told to retry now. */
export type ConnectionSource = {
  get(): ConnectionStatus;
  subscribe(listener: (status: ConnectionStatus) => void): () => void;
  retryNow(): void;
};

/** The Electron door is in-process IPC: always open. */
export const alwaysOpen: ConnectionSource = {
  get: () => ({ phase: 'open', everConnected: true, failures: 0, retryAt: null }),
  subscribe: () => () => {},
  retryNow: () => {},
};
