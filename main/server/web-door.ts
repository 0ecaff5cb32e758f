// The web door (`gentry serve`): the built renderer over HTTP and the contract over a WebSocket at
// /api, on 127.0.0.1 only. Every request must carry the right Host; WebSocket upgrades must also come
// from our own Origin and offer the session token as a subprotocol. No request, frame or client can
// take the process down or make it grow without bound: see the limits below and docs/security.md.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { API_PATH, API_PROTOCOL, type WireEvent, type WireReply, WireRequestSchema } from '../../common/wire.ts';
import { dispatch } from '../dispatch.ts';
import type { Logger } from '../infra/log.ts';
import type { Services } from '../services.ts';
import { createCallLimiter } from './call-limiter.ts';
import { hostAllowed, offeredProtocols, originAllowed, requestPath, tokenMatches } from './request-checks.ts';
import { staticFile } from './static-files.ts';

/** The Content-Security-Policy every page is served with. */
export const WEB_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The web door's bounds (documented in docs/security.md). */
export interface WebDoorLimits {
  /** Largest WebSocket message accepted; a bigger one closes the socket with 1009. */
  maxMessageBytes: number;
  /** Calls one socket may have unanswered; more are answered at once with an `unavailable` error. */
  maxCallsPerSocket: number;
  /** Calls running at once over all sockets; the others wait in arrival order. */
  maxRunningCalls: number;
  /** A call running longer than this (waiting for a password, a lock, a build) stops counting against maxRunningCalls. */
  slotHeldMs: number;
  /** Unsent bytes above which the door stops reading new calls from that socket until it drains. */
  pauseUnsentBytes: number;
  /** Unsent bytes above which the socket is closed: its client is not reading. */
  maxUnsentBytes: number;
  /** Open WebSockets at once; more upgrades get 503. */
  maxSockets: number;
  /** TCP connections at once (pages, assets and sockets). */
  maxConnections: number;
  /** A ping every this many ms; a peer that has not answered the previous one is dropped. */
  pingIntervalMs: number;
}

/** The limits `gentry serve` runs with. */
export const DEFAULT_LIMITS: WebDoorLimits = {
  maxMessageBytes: 1024 * 1024,
  maxCallsPerSocket: 256,
  maxRunningCalls: 8,
  slotHeldMs: 2000,
  pauseUnsentBytes: 1024 * 1024,
  maxUnsentBytes: 16 * 1024 * 1024,
  maxSockets: 64,
  maxConnections: 256,
  pingIntervalMs: 30_000,
};

/** How to start the web door. */
export interface WebDoorOptions {
  services: Services;
  log: Logger;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
  /** Tighter bounds (tests). */
  limits?: Partial<WebDoorLimits>;
}

/** A running web door. */
export interface WebDoor {
  port: number;
  token: string;
  /** The URL to open: the token rides in the fragment, which browsers never send to a server. */
  url: string;
  /** WebSockets open now. */
  openSockets(): number;
  close(): Promise<void>;
}

interface Client {
  id: string;
  unanswered: number;
  /** True while the socket's unsent bytes are above the soft mark. */
  paused: boolean;
  /** Calls whose turn came while the socket was paused: they run, in order, once it drains. */
  deferred: (() => void)[];
  alive: boolean;
}

const PLAIN = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };

function refuse(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, PLAIN);
  res.end(`${text}\n`);
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length + 1}\r\n\r\n${text}\n`);
}

/** Starts the web door. */
export async function startWebDoor(opts: WebDoorOptions): Promise<WebDoor> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const limits: WebDoorLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const { services, log } = opts;
  const limiter = createCallLimiter(limits.maxRunningCalls, limits.slotHeldMs);
  let port = 0;

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req.headers.host, port)) return refuse(res, 403, 'Forbidden: this server answers only to 127.0.0.1 and localhost.');
    const path = requestPath(req.url);
    if (path === null) return refuse(res, 400, 'Bad request: the request target must be a path such as /index.html.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    const file = await staticFile(opts.rendererDir, path);
    if (!file) {
      if (path === '/' || path === '/index.html') {
        return refuse(res, 503, `The UI is not built (no ${opts.rendererDir}/index.html). Run \`npm run build\`, then reload.`);
      }
      return refuse(res, 404, 'Not found');
    }
    res.writeHead(200, {
      'content-type': file.type,
      'content-security-policy': WEB_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': file.type.startsWith('text/html') ? 'no-store' : 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const server = createServer((req, res) => {
    const fail = (err: unknown): void => {
      log.error(`web door: ${req.method ?? '?'} request failed: ${(err as Error)?.message ?? String(err)}`);
      refuse(res, 500, 'Internal error: see the log of gentry serve.');
    };
    try {
      onRequest(req, res).catch(fail);
    } catch (err) {
      fail(err);
    }
  });
  server.maxConnections = limits.maxConnections;
  server.on('error', (err) => log.error(`web door: ${err.message}`));

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    perMessageDeflate: false,
    clientTracking: false,
    handleProtocols: () => API_PROTOCOL,
  });
  wss.on('error', (err) => log.error(`web door: ${err.message}`));
  const sockets = new Map<WebSocket, Client>();
  let clients = 0;

  const resumeIfDrained = (ws: WebSocket, c: Client): void => {
    if (c.paused && ws.readyState === ws.OPEN && ws.bufferedAmount <= limits.pauseUnsentBytes) {
      c.paused = false;
      ws.resume();
      for (const next of c.deferred.splice(0)) next();
    }
  };

  /** Sends one message, bounding what waits unsent: pause reading above the soft mark, drop the client above the hard one. */
  const send = (ws: WebSocket, c: Client, text: string): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > limits.maxUnsentBytes) {
      log.warn(`web door: ${c.id} left ${ws.bufferedAmount} bytes unread (limit ${limits.maxUnsentBytes}); closing it`);
      ws.terminate();
      return;
    }
    ws.send(text, (err) => {
      if (!err) resumeIfDrained(ws, c);
    });
    if (!c.paused && ws.bufferedAmount > limits.pauseUnsentBytes) {
      c.paused = true;
      ws.pause();
    }
  };

  const onMessage = (ws: WebSocket, c: Client, data: Buffer, isBinary: boolean): void => {
    c.alive = true;
    if (isBinary) return ws.close(1003, 'text frames only');
    let parsed;
    try {
      parsed = WireRequestSchema.safeParse(JSON.parse(data.toString()));
    } catch {
      return ws.close(1007, 'not JSON');
    }
    if (!parsed.success) return ws.close(1007, 'not a request');
    const { id, call, input } = parsed.data;
    if (c.unanswered >= limits.maxCallsPerSocket) {
      const reply: WireReply = { id, result: { ok: false, error: {
        code: 'unavailable',
        message: `Too many calls at once on this connection (${limits.maxCallsPerSocket} unanswered); "${call}" was not run.`,
        hint: 'Wait for answers before sending more, or reload the page.',
      } } };
      return send(ws, c, JSON.stringify(reply));
    }
    c.unanswered++;
    // A call whose turn comes while its socket is over the soft mark gives its slot back and waits for the
    // socket to drain: a slow reader's answers do not pile up in memory, and it holds no slot meanwhile.
    const take = (): void => {
      void limiter.run(async () => {
        if (ws.readyState !== ws.OPEN) return 'gone' as const;
        if (c.paused) return 'deferred' as const;
        return dispatch(services.handlers, call, input, log, { client: c.id });
      })
        .then((result) => {
          if (result === 'deferred') return void c.deferred.push(take);
          c.unanswered--;
          if (result !== 'gone') send(ws, c, JSON.stringify({ id, result } satisfies WireReply));
        })
        .catch((err: unknown) => {
          c.unanswered--;
          log.error(`web door: ${call} failed: ${(err as Error)?.message ?? String(err)}`);
        });
    };
    take();
  };

  const accept = (ws: WebSocket): void => {
    const c: Client = { id: `socket-${++clients}`, unanswered: 0, paused: false, deferred: [], alive: true };
    sockets.set(ws, c);
    ws.on('error', (err) => log.info(`web door: ${c.id}: ${err.message}`));
    ws.on('close', () => {
      sockets.delete(ws);
      c.deferred.length = 0;
    });
    ws.on('pong', () => { c.alive = true; });
    ws.on('message', (data, isBinary) => {
      try {
        onMessage(ws, c, data as Buffer, isBinary);
      } catch (err) {
        log.error(`web door: ${c.id}: ${(err as Error)?.message ?? String(err)}`);
        ws.close(1011, 'internal error');
      }
    });
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = requestPath(req.url);
    if (path === null) return refuseUpgrade(socket, 400, 'Bad Request');
    if (!hostAllowed(req.headers.host, port)) return refuseUpgrade(socket, 403, 'Forbidden');
    if (path !== API_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!originAllowed(req.headers.origin, port)) return refuseUpgrade(socket, 403, 'Forbidden');
    const offered = offeredProtocols(req.headers['sec-websocket-protocol']);
    if (!offered.speaksOurs || !tokenMatches(offered.token, token)) return refuseUpgrade(socket, 401, 'Unauthorized');
    if (sockets.size >= limits.maxSockets) return refuseUpgrade(socket, 503, 'Service Unavailable');
    wss.handleUpgrade(req, socket, head, accept);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (err) => log.debug(`web door: upgrade socket: ${err.message}`));
    try {
      onUpgrade(req, socket, head);
    } catch (err) {
      log.error(`web door: upgrade failed: ${(err as Error)?.message ?? String(err)}`);
      refuseUpgrade(socket, 400, 'Bad Request');
    }
  });

  const pinger = setInterval(() => {
    for (const [ws, c] of sockets) {
      if (!c.alive) {
        log.info(`web door: ${c.id} did not answer a ping within ${limits.pingIntervalMs} ms; dropping it`);
        ws.terminate();
        continue;
      }
      c.alive = false;
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, limits.pingIntervalMs);
  pinger.unref();

  const unsubscribe = services.subscribe((event, payload, to) => {
    const msg: WireEvent = { event, payload };
    const text = JSON.stringify(msg);
    for (const [ws, c] of sockets) if (to === undefined || to === c.id) send(ws, c, text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    openSockets: () => sockets.size,
    async close() {
      clearInterval(pinger);
      unsubscribe();
      for (const ws of sockets.keys()) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
