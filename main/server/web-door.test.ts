// The web door's transport bounds, in-process with real sockets and tight limits: pings drop a peer that
// never answers, and a client that never reads is closed once its unsent bytes pass the cap, while a
// reading client on the same door gets every message. (The attacks on the real process are in
// web-door.integration.test.ts.)
import { connect as tcpConnect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { GentryHandlers } from '../../common/contract/index.ts';
import { silentLogger } from '../infra/log.ts';
import type { EventListener, Services } from '../services.ts';
import { startWebDoor, type WebDoor } from './web-door.ts';

const TOKEN = 'test-token-abcdefghijklmnopqrstuvwxyz';

function fakeServices(): Services & { emit: EventListener } {
  const listeners = new Set<EventListener>();
  return {
    handlers: {} as GentryHandlers,
    subscribe: (l) => { listeners.add(l); return () => listeners.delete(l); },
    close: () => {},
    emit: ((event, payload, to) => { for (const l of listeners) l(event, payload, to); }) as EventListener,
  };
}

/** A hand-made WebSocket client that answers nothing (no pongs) and, once paused, reads nothing. */
function rawClient(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1');
    let head = '';
    const onData = (c: Buffer): void => {
      head += c.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (!head.startsWith('HTTP/1.1 101')) reject(new Error(head.split('\r\n')[0]));
      else resolve(socket);
    };
    socket.on('data', onData);
    socket.on('error', () => {});
    socket.write(`GET /api HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:${port}\r\nSec-WebSocket-Protocol: gentry.v1, gentry.token.${TOKEN}\r\n\r\n`);
  });
}

function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => { clearTimeout(timer); resolve(true); });
  });
}

describe('the web door under a peer that does not cooperate', () => {
  let door: WebDoor | null = null;
  afterEach(async () => { await door?.close(); door = null; });

  it('pings every interval and drops a peer that never answers', async () => {
    door = await startWebDoor({ services: fakeServices(), log: silentLogger, rendererDir: '/nonexistent', token: TOKEN, limits: { pingIntervalMs: 100 } });
    const peer = await rawClient(door.port);
    let sawPing = false;
    peer.on('data', (c: Buffer) => { if ((c[0]! & 0x0f) === 9) sawPing = true; });
    expect(door.openSockets()).toBe(1);
    expect(await closedWithin(peer, 2000)).toBe(true);
    expect(sawPing).toBe(true);
  });

  it('closes a client that never reads once its unsent bytes pass the cap, and a reading client gets everything', async () => {
    const services = fakeServices();
    door = await startWebDoor({ services, log: silentLogger, rendererDir: '/nonexistent', token: TOKEN, limits: { pauseUnsentBytes: 64 * 1024, maxUnsentBytes: 2 * 1024 * 1024 } });
    const deaf = await rawClient(door.port);
    deaf.pause();
    const reader = await new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${door!.port}/api`, ['gentry.v1', `gentry.token.${TOKEN}`], { headers: { origin: `http://127.0.0.1:${door!.port}` } });
      ws.on('open', () => resolve(ws));
      ws.on('error', reject);
    });
    expect(door.openSockets()).toBe(2);
    const chunk = 'x'.repeat(256 * 1024);
    let received = 0;
    for (let i = 0; i < 160 && door.openSockets() === 2; i++) {
      const got = new Promise<void>((resolve) => reader.once('message', () => resolve()));
      services.emit('runOutput' as never, { runId: 'r', data: chunk } as never);
      await got;
      received++;
    }
    // 160 x 256 KiB = 40 MiB is far past what a socket buffer and the 2 MiB cap hold: the deaf client was dropped.
    expect(door.openSockets()).toBe(1);
    expect(received).toBeLessThan(160);
    deaf.resume();
    expect(await closedWithin(deaf, 5000)).toBe(true);
    // The reader still gets events after the deaf client is gone.
    const after = new Promise<void>((resolve) => reader.once('message', () => resolve()));
    services.emit('runOutput' as never, { runId: 'r', data: 'after' } as never);
    await after;
    reader.close();
  });
});
