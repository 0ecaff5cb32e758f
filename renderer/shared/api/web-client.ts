// The browser door: the contract over one WebSocket to `gentry serve` (common/wire.ts), with a queue
// for calls made while connecting, a 30-second answer limit, and reconnection with backoff.
import type { z } from 'zod';
import {
  callNames, calls, events,
  type CallName, type CallResult, type EventName, type GentryApi, type GentryErrorShape,
} from '../../../common/contract/index.ts';
import type { WireRequest } from '../../../common/wire.ts';
import type { ConnectionSource, ConnectionStatus } from './connection.ts';
import { reconnectDelay } from './reconnect-delay.ts';
import { parseServerMessage } from './server-message.ts';

/** What the client does with a socket's life: opened, a message arrived, closed (or failed to open). */
export type SocketHandlers = { onOpen(): void; onMessage(data: unknown): void; onClose(): void };
/** The two things the client asks of an open socket. */
export type SocketHandle = { send(data: string): void; close(): void };
/** Opens a socket to `url`, offering `protocols`, and reports its life to `handlers` (a fake stands in for tests). */
export type OpenSocket = (url: string, handlers: SocketHandlers, protocols: string[]) => SocketHandle;

/** Options for {@link createWebClient}. */
export type WebClientOptions = {
  url: string;
  /** WebSocket subprotocols to offer: the web door's, and the session token (see session-token.ts). */
  protocols?: string[];
  openSocket?: OpenSocket;
  /** How long a call may wait for its reply, queueing included. */
  callTimeoutMs?: number;
  /** How long a call in LONG_CALLS may take (default 30 minutes). */
  longCallTimeoutMs?: number;
};

/** The contract as an api object, the link's state, and a way to shut it down. */
export type WebClient = { api: GentryApi; connection: ConnectionSource; dispose(): void };

/** Opens a socket with the browser's WebSocket. */
export const openBrowserSocket: OpenSocket = (url, handlers, protocols) => {
  const socket = new WebSocket(url, protocols);
  socket.onopen = () => handlers.onOpen();
  socket.onmessage = (event) => handlers.onMessage(event.data);
  socket.onclose = () => handlers.onClose();
  return { send: (data) => socket.send(data), close: () => socket.close() };
};

type Pending = {
  call: CallName;
  resolve: (result: CallResult<CallName>) => void;
  timer: ReturnType<typeof setTimeout>;
  /** The request, until it has been written to an open socket. */
  unsent: WireRequest | null;
};

function unavailable(message: string, hint: string): { ok: false; error: GentryErrorShape } {
  return { ok: false, error: { code: 'unavailable', message, hint } };
}

/**
 * Calls that legitimately take long: they wait for a password prompt, Nix's GC lock and a walk of the
 * whole store, a build of the demo machine, or a Nix evaluation that fetches a nixpkgs revision.
 * They get `longCallTimeoutMs` instead of the usual timeout (a lost connection still ends them at once).
 */
export const LONG_CALLS: ReadonlySet<CallName> = new Set<CallName>([
  'openDemo',
  'switchGeneration',
  'deleteGenerations',
  'previewGc',
  'collectGarbage',
  'changeBoot',
  'previewPin',
  'addPin',
  'pinTargets',
  'pinSuggestions',
  'stopRun',
]);

/** Creates the WebSocket client and starts connecting. */
export function createWebClient(options: WebClientOptions): WebClient {
  const openSocket = options.openSocket ?? openBrowserSocket;
  const timeoutMs = options.callTimeoutMs ?? 30_000;
  const longTimeoutMs = options.longCallTimeoutMs ?? 30 * 60_000;
  const pending = new Map<number, Pending>();
  const eventListeners = new Map<EventName, Set<(payload: never) => void>>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = { phase: 'connecting', everConnected: false, failures: 0, retryAt: null };
  let socket: SocketHandle | null = null;
  let isOpen = false;
  let socketGeneration = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;
  let disposed = false;

  function setStatus(next: ConnectionStatus): void {
    status = next;
    for (const listener of statusListeners) listener(status);
  }

  function settle(id: number, result: CallResult<CallName>): void {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(result);
  }

  function write(entry: Pending): void {
    if (!socket || !isOpen || !entry.unsent) return;
    try {
      socket.send(JSON.stringify(entry.unsent));
      entry.unsent = null;
    } catch {
      // The socket is going away; its close handler follows and the request stays queued.
    }
  }

  function connect(): void {
    if (disposed) return;
    retryTimer = null;
    const generation = ++socketGeneration;
    const mine = (): boolean => generation === socketGeneration && !disposed;
    if (status.phase !== 'connecting') setStatus({ ...status, retryAt: null });
    try {
      socket = openSocket(options.url, {
        onOpen: () => { if (mine()) opened(); },
        onMessage: (data) => { if (mine()) received(data); },
        onClose: () => { if (mine()) closed(); },
      }, options.protocols ?? []);
    } catch {
      socket = null;
      queueMicrotask(() => { if (mine()) closed(); });
    }
  }

  function opened(): void {
    isOpen = true;
    setStatus({ phase: 'open', everConnected: true, failures: 0, retryAt: null });
    for (const entry of pending.values()) write(entry);
  }

  function closed(): void {
    isOpen = false;
    socket = null;
    // Calls already written will never be answered by this socket; queued ones wait for the next.
    for (const [id, entry] of pending) {
      if (entry.unsent === null) {
        settle(id, unavailable(
          `The connection to Gentry closed before it answered "${entry.call}".`,
          'Gentry is reconnecting; try again once the connection is back.',
        ));
      }
    }
    if (disposed) return;
    const delay = reconnectDelay(status.failures);
    setStatus({ phase: 'lost', everConnected: status.everConnected, failures: status.failures + 1, retryAt: Date.now() + delay });
    retryTimer = setTimeout(connect, delay);
  }

  function received(data: unknown): void {
    const message = parseServerMessage(data);
    if (message.kind === 'invalid') {
      console.warn(`Gentry: ignored a message from the server (${message.reason}).`);
      return;
    }
    if (message.kind === 'reply') {
      const { id, result } = message.reply;
      const entry = pending.get(id);
      if (!entry) return;
      if (!result.ok) return settle(id, result);
      const output = (calls[entry.call].output as z.ZodType).safeParse(result.value);
      settle(id, output.success
        ? ({ ok: true, value: output.data } as CallResult<CallName>)
        : { ok: false, error: {
          code: 'internal',
          message: `Gentry's answer to "${entry.call}" does not match what this page expects.`,
          hint: 'The server and this page may be from different versions of Gentry: reload the page.',
        } });
      return;
    }
    const { event, payload } = message.event;
    if (!(event in events)) return;
    const name = event as EventName;
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) {
      console.warn(`Gentry: ignored a "${name}" event whose payload does not match the contract.`);
      return;
    }
    for (const listener of eventListeners.get(name) ?? []) listener(parsed.data as never);
  }

  function call(name: CallName, input: unknown): Promise<CallResult<CallName>> {
    if (disposed) {
      return Promise.resolve(unavailable('This page has stopped talking to Gentry.', 'Reload the page.'));
    }
    const id = nextId++;
    const limit = LONG_CALLS.has(name) ? longTimeoutMs : timeoutMs;
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(id, unavailable(
        `Gentry did not answer "${name}" within ${limit >= 120_000 ? `${Math.round(limit / 60_000)} minutes` : `${Math.round(limit / 1000)} seconds`}.`,
        status.phase === 'open'
          ? 'Gentry may be busy; try again. If it keeps happening, restart Gentry.'
          : 'The page cannot reach Gentry: check that "gentry serve" is still running.',
      )), limit);
      const entry: Pending = { call: name, resolve, timer, unsent: { id, call: name, input } };
      pending.set(id, entry);
      write(entry);
    });
  }

  const methods = Object.fromEntries(callNames.map((name) => [name, (input: unknown) => call(name, input)]));
  const api = {
    ...methods,
    on(event: EventName, listener: (payload: never) => void): () => void {
      let set = eventListeners.get(event);
      if (!set) {
        set = new Set();
        eventListeners.set(event, set);
      }
      set.add(listener);
      return () => { set.delete(listener); };
    },
  } as unknown as GentryApi;

  const connection: ConnectionSource = {
    get: () => status,
    subscribe(listener) {
      statusListeners.add(listener);
      return () => { statusListeners.delete(listener); };
    },
    retryNow() {
      if (disposed || retryTimer === null) return;
      clearTimeout(retryTimer);
      connect();
    },
  };

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    if (retryTimer !== null) clearTimeout(retryTimer);
    socket?.close();
    for (const id of [...pending.keys()]) settle(id, unavailable('This page has stopped talking to Gentry.', 'Reload the page.'));
  }

  connect();
  return { api, connection, dispose };
}
