// `gentry serve` as a real process, attacked over real sockets: the Host, Origin and token checks,
// malformed requests and frames that used to kill it, clients that never read, and floods of calls.
// Every attack asserts its exact outcome and that the server still answers afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { request } from 'node:http';
import { connect as tcpConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';

const BIN = join(import.meta.dirname, '../../bin/gentry.js');
const MiB = 1024 * 1024;

type Reply = { id: number; result: { ok: boolean; value?: { profiles: { name: string; generations: unknown[] }[] }; error?: { code: string; message: string } } };

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Writes `text` on a fresh TCP connection and resolves with everything the server sent before closing (at most 5 s). */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1');
    let got = '';
    const timer = setTimeout(() => { socket.destroy(); resolve(got); }, 5000);
    socket.on('data', (c) => (got += c.toString()));
    socket.on('error', reject);
    socket.on('close', () => { clearTimeout(timer); resolve(got); });
    socket.end(text);
  });
}

function statusOf(response: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
}

function upgradeRequest(port: number, extra: Record<string, string>, target = '/api'): string {
  const headers: Record<string, string> = {
    host: `127.0.0.1:${port}`, upgrade: 'websocket', connection: 'Upgrade',
    'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', 'sec-websocket-version': '13', origin: `http://127.0.0.1:${port}`, ...extra,
  };
  return `GET ${target} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
}

/** Opens a WebSocket by hand (no library answering pings or checking frames); resolves once the 101 is in. */
function rawSocket(port: number, token: string): Promise<{ socket: Socket; rest: Buffer }> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => { socket.destroy(); reject(new Error('no handshake answer in 5 s')); }, 5000);
    const onData = (c: Buffer): void => {
      buf = Buffer.concat([buf, c]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      clearTimeout(timer);
      socket.off('data', onData);
      const head = buf.subarray(0, end).toString();
      if (statusOf(head) !== 101) return reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
      resolve({ socket, rest: buf.subarray(end + 4) });
    };
    socket.on('data', onData);
    socket.on('error', reject);
    socket.write(upgradeRequest(port, { 'sec-websocket-protocol': `gentry.v1, gentry.token.${token}` }));
  });
}

/** One masked client frame. `first` holds FIN and the RSV bits. */
function frame(opcode: number, payload: Buffer, first = 0x80, declaredLength = payload.length): Buffer {
  let header: Buffer;
  if (declaredLength < 126) header = Buffer.from([first | opcode, 0x80 | declaredLength]);
  else if (declaredLength < 65536) {
    header = Buffer.from([first | opcode, 0x80 | 126, 0, 0]);
    header.writeUInt16BE(declaredLength, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first | opcode;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(declaredLength), 2);
  }
  const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  return Buffer.concat([header, mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!))]);
}

/** Sends `bytes` on a raw socket and resolves with the close code the server sends (-1: closed without one; 5 s at most). */
function closeCode(s: { socket: Socket; rest: Buffer }, bytes: Buffer): Promise<number> {
  return new Promise((resolve) => {
    let buf = s.rest;
    const timer = setTimeout(() => { s.socket.destroy(); resolve(-2); }, 5000);
    const scan = (): void => {
      for (let at = 0; buf.length - at >= 2;) {
        const opcode = buf[at]! & 0x0f;
        let len = buf[at + 1]! & 0x7f;
        let off = at + 2;
        if (len === 126) { if (buf.length < off + 2) return; len = buf.readUInt16BE(off); off += 2; }
        else if (len === 127) { if (buf.length < off + 8) return; len = Number(buf.readBigUInt64BE(off)); off += 8; }
        if (buf.length < off + len) return;
        if (opcode === 8) {
          clearTimeout(timer);
          s.socket.destroy();
          return resolve(len >= 2 ? buf.readUInt16BE(off) : 1005);
        }
        at = off + len;
      }
    };
    s.socket.on('data', (c: Buffer) => { buf = Buffer.concat([buf, c]); scan(); });
    s.socket.on('error', () => {});
    s.socket.on('close', () => { clearTimeout(timer); resolve(-1); });
    s.socket.write(bytes);
  });
}

function openWs(port: number, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api`, ['gentry.v1', `gentry.token.${token}`], { headers: { origin: `http://127.0.0.1:${port}` } });
    ws.on('open', () => resolve(ws));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

/** Sends `n` listProfiles calls at once on `ws` and resolves with every reply. */
function callMany(ws: WebSocket, n: number, firstId = 1): Promise<Reply[]> {
  return new Promise((resolve) => {
    const replies: Reply[] = [];
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as Reply;
      if (typeof m.id === 'number') replies.push(m);
      if (replies.length === n) resolve(replies);
    });
    for (let i = 0; i < n; i++) ws.send(JSON.stringify({ id: firstId + i, call: 'listProfiles', input: {} }));
  });
}

function procStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return kb / 1024;
}

describe('gentry serve', () => {
  let world: World;
  let child: ChildProcess;
  let url: URL;
  let port: number;
  let token: string;
  let stderr = '';

  /** The server is alive and answers a call over a fresh socket. */
  async function stillAnswers(): Promise<void> {
    expect(child.exitCode).toBeNull();
    const ws = await openWs(port, token);
    const [reply] = await callMany(ws, 1);
    ws.close();
    expect(reply?.result.ok).toBe(true);
  }

  beforeAll(async () => {
    world = await buildWorld({ preset: 'small' });
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'gentry-serve-cache-')), XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gentry-serve-state-')), XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'gentry-serve-config-')) } });
    child.stderr!.on('data', (c: Buffer) => { if (stderr.length < 200_000) stderr += c.toString(); });
    const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    url = new URL(first);
    port = Number(url.port);
    token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  }, 120_000);
  afterAll(async () => {
    child?.kill('SIGTERM');
    if (world) await removeWorld(world);
  });

  it('prints http://127.0.0.1:PORT/#token=TOKEN first: the token only in the fragment', () => {
    expect(url.origin).toBe(`http://127.0.0.1:${port}`);
    expect(url.search).toBe('');
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('serves the UI with a CSP, sets no cookie, and refuses foreign Hosts and traversal', async () => {
    const page = await get(port, `/?token=${token}`, { host: `localhost:${port}` });
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(page.body).toContain('<div id="root">');
    expect((await get(port, '/', { host: `evil.example:${port}` })).status).toBe(403);
    expect((await get(port, '/', { host: `127.0.0.1:${port + 1}` })).status).toBe(403);
    expect((await get(port, '/../../../../etc/passwd')).status).toBe(404);
    expect((await get(port, '/', {}, 'POST')).status).toBe(405);
  });

  it('answers malformed HTTP requests with 400, never 500 or a stack trace', async () => {
    const bracket = await raw(port, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(bracket)).toBe(400);
    expect(bracket).not.toMatch(/at .*\(.*:\d+:\d+\)/);
    const star = await raw(port, `GET * HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(star)).toBe(400);
    const cookie = await get(port, '/', { cookie: 'gentry_token=%E0%A4%A' });
    expect(cookie.status).toBe(200);
    expect(statusOf(await raw(port, 'NOT HTTP AT ALL\r\n\r\n'))).toBe(400);
    expect(stderr).not.toMatch(/Internal error|at .*\(.*:\d+:\d+\)/);
    await stillAnswers();
  });

  it('refuses malformed or unauthenticated upgrades with 400/401/403/404, and the cookie is no credential', async () => {
    const auth = { 'sec-websocket-protocol': `gentry.v1, gentry.token.${token}` };
    expect(statusOf(await raw(port, upgradeRequest(port, auth, 'http://[')))).toBe(400);
    expect(statusOf(await raw(port, upgradeRequest(port, auth, '//evil.example/api')))).toBe(400);
    expect(statusOf(await raw(port, upgradeRequest(port, { cookie: 'gentry_token=%E0%A4%A' })))).toBe(401);
    expect(statusOf(await raw(port, upgradeRequest(port, { cookie: `gentry_token=${token}` })))).toBe(401);
    expect(statusOf(await raw(port, upgradeRequest(port, { 'sec-websocket-protocol': 'gentry.v1, gentry.token.wrong' })))).toBe(401);
    expect(statusOf(await raw(port, upgradeRequest(port, { 'sec-websocket-protocol': `gentry.token.${token}` })))).toBe(401);
    expect(statusOf(await raw(port, upgradeRequest(port, { ...auth, origin: 'http://evil.example' })))).toBe(403);
    expect(statusOf(await raw(port, upgradeRequest(port, { ...auth, origin: `http://127.0.0.1:${port + 1}` })))).toBe(403);
    expect(statusOf(await raw(port, upgradeRequest(port, { ...auth, host: `evil.example:${port}` })))).toBe(403);
    expect(statusOf(await raw(port, upgradeRequest(port, auth, '/other')))).toBe(404);
    expect(statusOf(await raw(port, upgradeRequest(port, { ...auth, 'sec-websocket-version': '7' })))).toBe(400);
    expect(stderr).not.toMatch(/at .*\(.*:\d+:\d+\)/);
    await stillAnswers();
  });

  it('serves the contract over the WebSocket, selecting its subprotocol and never echoing the token', async () => {
    const ws = await openWs(port, token);
    expect(ws.protocol).toBe('gentry.v1');
    const [r] = await callMany(ws, 1, 7);
    expect(r?.id).toBe(7);
    expect(r?.result.value?.profiles[0]?.generations).toHaveLength(world.expected.profiles[0]?.generations.length ?? -1);
    const bad = new Promise<Reply>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()) as Reply)));
    ws.send(JSON.stringify({ id: 8, call: 'rm -rf /', input: {} }));
    expect((await bad).result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    ws.close();
  });

  it('closes on bad frames with the documented code and keeps serving: 1009 too big, 1007 bad UTF-8 or not JSON, 1002 RSV1, 1003 binary', async () => {
    const cases: [string, Buffer, number][] = [
      ['2 MiB message', frame(1, Buffer.alloc(16, 0x20), 0x80, 2 * MiB), 1009],
      ['invalid UTF-8', frame(1, Buffer.from([0x22, 0xe0, 0xa4, 0x22])), 1007],
      ['not JSON', frame(1, Buffer.from('not json')), 1007],
      ['JSON, not a request', frame(1, Buffer.from('{"id":-1}')), 1007],
      ['RSV1 set', frame(1, Buffer.from('{}'), 0xc0), 1002],
      ['binary frame', frame(2, Buffer.from('{}')), 1003],
      ['unmasked-length lie: reserved opcode', frame(3, Buffer.from('x')), 1002],
    ];
    for (const [what, bytes, code] of cases) {
      const s = await rawSocket(port, token);
      expect([what, await closeCode(s, bytes)]).toEqual([what, code]);
    }
    await stillAnswers();
  });

  it('answers a call beyond 256 unanswered on one socket at once with "unavailable", and every call gets an answer', async () => {
    const ws = await openWs(port, token);
    const replies = await callMany(ws, 400);
    ws.close();
    const refused = replies.filter((r) => !r.result.ok);
    expect(replies).toHaveLength(400);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.result.error).toMatchObject({ code: 'unavailable', message: expect.stringContaining('Too many calls at once') });
    expect(replies.filter((r) => r.result.ok).length).toBeGreaterThanOrEqual(256);
  });

  it('stays under 300 MiB with a client that never reads and with 5,000 concurrent calls, with bounded file descriptors', async () => {
    const pid = child.pid!;
    const before = procStatus(pid, 'VmHWM');
    // A client that sends 20,000 calls and never reads a byte of the answers.
    const deaf = await rawSocket(port, token);
    deaf.socket.pause();
    deaf.socket.on('error', () => {});
    const call = frame(1, Buffer.from(JSON.stringify({ id: 1, call: 'listProfiles', input: {} })));
    deaf.socket.write(Buffer.concat(Array.from({ length: 20_000 }, () => call)));
    // Meanwhile 50 sockets x 100 calls = 5,000 concurrent calls, all read.
    let peakFds = 0;
    const sampler = setInterval(() => {
      const fds = readdirSync(`/proc/${pid}/fd`);
      if (fds.length > peakFds) {
        peakFds = fds.length;
        if (process.env.GENTRY_FD_DEBUG) fdSample = fds.map((f) => { try { return readlinkSync(`/proc/${pid}/fd/${f}`); } catch { return '?'; } });
      }
    }, 20);
    await stillAnswers();
    const afterDeaf = procStatus(pid, 'VmHWM');
    let fdSample: string[] = [];
    const sockets = await Promise.all(Array.from({ length: 50 }, () => openWs(port, token)));
    const started = Date.now();
    const all = (await Promise.all(sockets.map((ws) => callMany(ws, 100)))).flat();
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    for (const ws of sockets) ws.close();
    const peak = procStatus(pid, 'VmHWM');
    if (process.env.GENTRY_FD_DEBUG) console.log(fdSample.map((f) => f.replace(/\d+/g, 'N')).sort().join('\n'));
    console.log(`web door load: before ${before.toFixed(0)} MiB, after the deaf client ${afterDeaf.toFixed(0)} MiB; 5,000 concurrent calls in ${seconds.toFixed(1)} s; peak RSS (VmHWM) ${peak.toFixed(0)} MiB, RSS now ${procStatus(pid, 'VmRSS').toFixed(0)} MiB; peak open fds ${peakFds}`);
    expect(all).toHaveLength(5000);
    expect(all.filter((r) => !r.result.ok).map((r) => r.result.error?.message).slice(0, 3)).toEqual([]);
    expect(peak).toBeLessThan(300);
    expect(peakFds).toBeLessThan(200);
    deaf.socket.destroy();
    await stillAnswers();
  }, 120_000);
});
