// The web door (`gentry serve`): the built renderer over HTTP and the contract over a WebSocket at
// /api, on 127.0.0.1 only. Every request must carry the right Host and the session token; WebSocket
// upgrades must also come from our own Origin.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { API_PATH, type WireEvent, type WireReply, WireRequestSchema } from '../../common/wire.ts';
import { dispatch } from '../dispatch.ts';
import type { Logger } from '../log.ts';
import type { Services } from '../services.ts';
import { cookieValue, hostAllowed, originAllowed, TOKEN_COOKIE, tokenMatches } from './request-checks.ts';
import { staticFile } from './static-files.ts';

/** The Content-Security-Policy every page is served with. */
export const WEB_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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
}

/** A running web door. */
export interface WebDoor {
  port: number;
  token: string;
  /** The URL to open, token included. */
  url: string;
  close(): Promise<void>;
}

const MAX_MESSAGE = 1024 * 1024;

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${text}\n`);
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Starts the web door. */
export async function startWebDoor(opts: WebDoorOptions): Promise<WebDoor> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const { services, log } = opts;
  let port = 0;

  const presentedToken = (req: IncomingMessage, url: URL): string | null => url.searchParams.get('token') ?? cookieValue(req.headers.cookie, TOKEN_COOKIE);

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req.headers.host, port)) return refuse(res, 403, 'Forbidden: this server answers only to 127.0.0.1 and localhost.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const fromQuery = url.searchParams.get('token');
    if (!tokenMatches(presentedToken(req, url), token)) {
      return refuse(res, 401, 'Unauthorized: open the URL that `gentry serve` printed (it carries the token).');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    if (fromQuery !== null) {
      // Trade the token in the URL for a cookie, and drop it from the address bar.
      url.searchParams.delete('token');
      res.writeHead(303, {
        'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        location: url.pathname + url.search,
        'cache-control': 'no-store',
      });
      return void res.end();
    }
    const file = await staticFile(opts.rendererDir, url.pathname);
    if (!file) {
      if (url.pathname === '/' || url.pathname === '/index.html') {
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
    onRequest(req, res).catch((err: Error) => {
      log.error(`web door: ${err.stack ?? err.message}`);
      if (!res.headersSent) refuse(res, 500, 'Internal error');
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
  const sockets = new Map<WebSocket, string>();
  let clients = 0;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!hostAllowed(req.headers.host, port)) return refuseUpgrade(socket, 403, 'Forbidden');
    if (url.pathname !== API_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!originAllowed(req.headers.origin, port)) return refuseUpgrade(socket, 403, 'Forbidden');
    if (!tokenMatches(presentedToken(req, url), token)) return refuseUpgrade(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const caller = { client: `socket-${++clients}` };
      sockets.set(ws, caller.client);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data, isBinary) => {
        if (isBinary) return ws.close(1003, 'text frames only');
        let parsed;
        try {
          parsed = WireRequestSchema.safeParse(JSON.parse(data.toString()));
        } catch {
          return ws.close(1007, 'not JSON');
        }
        if (!parsed.success) return ws.close(1007, 'not a request');
        const { id, call, input } = parsed.data;
        void dispatch(services.handlers, call, input, log, caller).then((result) => {
          const reply: WireReply = { id, result };
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
        });
      });
    });
  });

  const unsubscribe = services.subscribe((event, payload, to) => {
    const msg: WireEvent = { event, payload };
    const text = JSON.stringify(msg);
    for (const [ws, client] of sockets) if (ws.readyState === ws.OPEN && (to === undefined || to === client)) ws.send(text);
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
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      unsubscribe();
      for (const ws of sockets.keys()) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
