import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import type { Machine } from '../../../common/contract/index.ts';
import { createWebClient, type OpenSocket, type SocketHandlers } from './web-client.ts';

const machine: Machine = {
  hasSystemProfile: true, systemProfile: '/nix/var/nix/profiles/system', demo: false, demoAvailable: true, demoUnavailableReason: null,
};

/** A socket the test drives by hand: it records what the client sends and lets the test open, answer and close it. */
class FakeServer {
  sockets: Array<{ handlers: SocketHandlers; sent: string[]; closed: boolean }> = [];
  openSocket: OpenSocket = (_url, handlers) => {
    const socket = { handlers, sent: [] as string[], closed: false };
    this.sockets.push(socket);
    return { send: (data) => { socket.sent.push(data); }, close: () => { socket.closed = true; } };
  };
  get latest() {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('no socket opened');
    return socket;
  }
  requests(): Array<{ id: number; call: string; input: unknown }> {
    return this.latest.sent.map((data) => JSON.parse(data) as { id: number; call: string; input: unknown });
  }
  reply(id: number, result: unknown): void {
    this.latest.handlers.onMessage(JSON.stringify({ id, result }));
  }
}

describe('createWebClient', () => {
  let server: FakeServer;
  beforeEach(() => {
    vi.useFakeTimers();
    server = new FakeServer();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('queues calls made while connecting and sends them once open', async () => {
    const client = createWebClient({ url: 'ws://x/api', openSocket: server.openSocket });
    expect(client.connection.get().phase).toBe('connecting');
    const answer = client.api.machine({});
    expect(server.latest.sent).toEqual([]);
    server.latest.handlers.onOpen();
    expect(client.connection.get().phase).toBe('open');
    const [request] = server.requests();
    expect(request).toEqual({ id: expect.any(Number), call: 'machine', input: {} });
    server.reply(request!.id, { ok: true, value: machine });
    await expect(answer).resolves.toEqual({ ok: true, value: machine });
  });

  it('passes typed errors through', async () => {
    const client = createWebClient({ url: 'ws://x/api', openSocket: server.openSocket });
    server.latest.handlers.onOpen();
    const answer = client.api.listProfiles({});
    const error = { code: 'unavailable', message: 'Nix database not readable', hint: 'Check permissions.' };
    server.reply(server.requests()[0]!.id, { ok: false, error });
    await expect(answer).resolves.toEqual({ ok: false, error });
  });

  it('turns a value that breaks the contract into an internal error', async () => {
    const client = createWebClient({ url: 'ws://x/api', openSocket: server.openSocket });
    server.latest.handlers.onOpen();
    const answer = client.api.machine({});
    server.reply(server.requests()[0]!.id, { ok: true, value: { hasSystemProfile: 'yes' } });
    const result = await answer;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('internal');
  });

  it('answers unavailable after 30 seconds without a reply', async () => {
    const client = createWebClient({ url: 'ws://x/api', openSocket: server.openSocket });
    const answer = client.api.machine({});
    vi.advanceTimersByTime(30_000);
    const result = await answer;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('unavailable');
      expect(result.error.hint).toContain('gentry serve');
    }
    // A late reply to a call that timed out is ignored, and the queue no longer holds it.
    server.latest.handlers.onOpen();
    expect(server.latest.sent).toEqual([]);
  });

  it('lets calls that wait for a password or the GC run past the usual timeout', async () => {
    const client = createWebClient({ url: 'ws://x/api', openSocket: server.openSocket });
    server.latest.handlers.onOpen();
    let settled = false;
    const answer = client.api.previewGc({}).then((r) => {
      settled = true;
      return r;
    });
    vi.advanceTimersByTime(5 * 60_000);
    await Promise.resolve();
    expect(settled).toBe(false);
    vi.advanceTimersByTime(30 * 60_000);
    const result = await answer;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('30 minutes');
  });

  it('fails calls in flight when the socket closes, keeps queued ones, and reconnects with backoff', async () => {
    const client = createWebClient({ url: 'ws://x/api', openSocket: server.openSocket });
    server.latest.handlers.onOpen();
    const inFlight = client.api.machine({});
    server.latest.handlers.onClose();
    const result = await inFlight;
    expect(result.ok).toBe(false);
    expect(client.connection.get()).toMatchObject({ phase: 'lost', everConnected: true, failures: 1 });

    const queued = client.api.listProfiles({});
    expect(server.sockets).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(server.sockets).toHaveLength(2);
    expect(client.connection.get().retryAt).toBeNull();

    server.latest.handlers.onClose();
    expect(client.connection.get().failures).toBe(2);
    vi.advanceTimersByTime(999);
    expect(server.sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(server.sockets).toHaveLength(3);

    server.latest.handlers.onOpen();
    expect(client.connection.get()).toMatchObject({ phase: 'open', failures: 0 });
    const [request] = server.requests();
    expect(request?.call).toBe('listProfiles');
    server.reply(request!.id, { ok: true, value: { profiles: [], notices: [] } });
    await expect(queued).resolves.toEqual({ ok: true, value: { profiles: [], notices: [] } });
  });

  it('reports a first connection that never opened as lost, not yet connected', () => {
    const client = createWebClient({ url: 'ws://x/api', openSocket: server.openSocket });
    server.latest.handlers.onClose();
    expect(client.connection.get()).toMatchObject({ phase: 'lost', everConnected: false, failures: 1 });
  });

  it('retries at once when asked', () => {
    const client = createWebClient({ url: 'ws://x/api', openSocket: server.openSocket });
    server.latest.handlers.onClose();
    client.connection.retryNow();
    expect(server.sockets).toHaveLength(2);
    client.connection.retryNow(); // an attempt is already under way: nothing more
    expect(server.sockets).toHaveLength(2);
  });

  it('tells subscribers about every change of state', () => {
    const client = createWebClient({ url: 'ws://x/api', openSocket: server.openSocket });
    const phases: string[] = [];
    client.connection.subscribe((status) => phases.push(status.phase));
    server.latest.handlers.onOpen();
    server.latest.handlers.onClose();
    expect(phases).toEqual(['open', 'lost']);
  });

  it('delivers valid events and drops ones that break the contract', () => {
    const client = createWebClient({ url: 'ws://x/api', openSocket: server.openSocket });
    server.latest.handlers.onOpen();
    const reasons: string[] = [];
    const off = client.api.on('profilesChanged', (payload) => reasons.push(payload.reason));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    server.latest.handlers.onMessage(JSON.stringify({ event: 'profilesChanged', payload: { reason: 'demo opened' } }));
    server.latest.handlers.onMessage(JSON.stringify({ event: 'profilesChanged', payload: { why: 1 } }));
    server.latest.handlers.onMessage(JSON.stringify({ event: 'somethingElse', payload: {} }));
    server.latest.handlers.onMessage('not json');
    off();
    server.latest.handlers.onMessage(JSON.stringify({ event: 'profilesChanged', payload: { reason: 'again' } }));
    expect(reasons).toEqual(['demo opened']);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('survives a socket constructor that throws', async () => {
    const throwing: OpenSocket = () => { throw new SyntaxError('bad url'); };
    const client = createWebClient({ url: 'nonsense', openSocket: throwing });
    await Promise.resolve();
    expect(client.connection.get().phase).toBe('lost');
    client.dispose();
  });

  it('stops reconnecting and fails pending calls when disposed', async () => {
    const client = createWebClient({ url: 'ws://x/api', openSocket: server.openSocket });
    const answer = client.api.machine({});
    client.dispose();
    expect(server.latest.closed).toBe(true);
    expect((await answer).ok).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(server.sockets).toHaveLength(1);
  });
});
