// `gentry serve` as a real process: the token, Host and Origin checks, and a call over the WebSocket.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildWorld, removeWorld, type World } from '../../e2e/world/index.ts';

const BIN = join(import.meta.dirname, '../../bin/gentry.js');

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(port: number, headers: Record<string, string>): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api`, { headers });
    ws.on('open', () => resolve(ws));
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

describe('gentry serve', () => {
  let world: World;
  let child: ChildProcess;
  let url: URL;
  let port: number;
  let token: string;

  beforeAll(async () => {
    world = await buildWorld({ preset: 'small' });
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'gentry-serve-cache-')) } });
    const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    url = new URL(first);
    port = Number(url.port);
    token = url.searchParams.get('token') ?? '';
  });
  afterAll(async () => {
    child?.kill('SIGTERM');
    if (world) await removeWorld(world);
  });

  it('prints http://127.0.0.1:PORT/?token=TOKEN first', () => {
    expect(url.origin).toBe(`http://127.0.0.1:${port}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('answers 401 without the token and 403 to a foreign Host', async () => {
    expect((await get(port, '/')).status).toBe(401);
    expect((await get(port, '/?token=wrong')).status).toBe(401);
    expect((await get(port, '/', { cookie: 'gentry_token=wrong' })).status).toBe(401);
    expect((await get(port, `/?token=${token}`, { host: `evil.example:${port}` })).status).toBe(403);
    expect((await get(port, `/?token=${token}`, { host: `127.0.0.1:${port + 1}` })).status).toBe(403);
  });

  it('trades the token for an HttpOnly cookie and then serves the UI with a CSP', async () => {
    const first = await get(port, `/?token=${token}`);
    expect(first.status).toBe(303);
    expect(String(first.headers['set-cookie'])).toMatch(/gentry_token=.*HttpOnly; SameSite=Strict/);
    expect(first.headers.location).toBe('/');
    const page = await get(port, '/', { cookie: `gentry_token=${encodeURIComponent(token)}`, host: `localhost:${port}` });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(page.body).toContain('<div id="root">');
    expect((await get(port, '/../../../../etc/passwd', { cookie: `gentry_token=${token}` })).status).toBe(404);
  });

  it('refuses WebSocket upgrades from another Origin, without the token, or to a foreign Host', async () => {
    const cookie = `gentry_token=${token}`;
    expect(await connect(port, { cookie, origin: 'http://evil.example' })).toBe(403);
    expect(await connect(port, { cookie })).toBe(403);
    expect(await connect(port, { origin: `http://127.0.0.1:${port}` })).toBe(401);
    expect(await connect(port, { cookie, origin: `http://127.0.0.1:${port}`, host: `evil.example:${port}` })).toBe(403);
  });

  it('serves the contract over the WebSocket and closes on garbage', async () => {
    const ws = await connect(port, { cookie: `gentry_token=${token}`, origin: `http://127.0.0.1:${port}` });
    if (typeof ws === 'number') throw new Error(`upgrade refused: ${ws}`);
    const reply = new Promise<{ id: number; result: { ok: boolean; value?: { profiles: { name: string; generations: unknown[] }[] } } }>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    ws.send(JSON.stringify({ id: 7, call: 'listProfiles', input: {} }));
    const r = await reply;
    expect(r.id).toBe(7);
    expect(r.result.ok).toBe(true);
    expect(r.result.value?.profiles[0]?.generations).toHaveLength(world.expected.profiles[0]?.generations.length ?? -1);
    const bad = new Promise<{ id: number; result: { ok: boolean; error?: { code: string } } }>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    ws.send(JSON.stringify({ id: 8, call: 'rm -rf /', input: {} }));
    expect((await bad).result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.send('not json');
    expect(await closed).toBe(1007);
  });
});
