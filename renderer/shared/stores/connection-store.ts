// The link to Gentry as the UI shows it: open, connecting, or lost and retrying.
import { createStore } from 'zustand/vanilla';
import type { ConnectionSource, ConnectionStatus } from '../api/connection.ts';

/** What the connection store holds and can do. */
export type ConnectionState = { status: ConnectionStatus; retryNow(): void };

/** Creates the connection store, following `source` for as long as the page lives. */
export function createConnectionStore(source: ConnectionSource) {
  const store = createStore<ConnectionState>()(() => ({
    status: source.get(),
    retryNow: () => source.retryNow(),
  }));
  source.subscribe((status) => store.setState({ status }));
  return store;
}

/** The store's type, for hooks and tests. */
export type ConnectionStore = ReturnType<typeof createConnectionStore>;
