// The web door's checks, as pure functions: the request target, Host (against DNS rebinding), Origin
// (against cross-site WebSockets) and the session token (offered as a WebSocket subprotocol). None throws.
import { timingSafeEqual } from 'node:crypto';
import { API_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../common/wire.ts';

/** The path of an origin-form request target (`/a/b?c`), or null for anything else (`http://[`, `*`, `//host/x`, over 8 KiB). */
export function requestPath(target: string | undefined): string | null {
  if (typeof target !== 'string' || target.length > 8192 || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    const url = new URL(target, 'http://127.0.0.1');
    return url.host === '127.0.0.1' ? url.pathname : null;
  } catch {
    return null;
  }
}

/** True when `host` is exactly `127.0.0.1:PORT` or `localhost:PORT`. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** True when `origin` is the server's own (http on 127.0.0.1 or localhost, same port). */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** The offered subprotocols of a `Sec-WebSocket-Protocol` header: whether ours is among them, and the token offered, if any. */
export function offeredProtocols(header: string | undefined): { speaksOurs: boolean; token: string | null } {
  let speaksOurs = false;
  let token: string | null = null;
  if (typeof header !== 'string' || header.length > 1024) return { speaksOurs, token };
  for (const raw of header.split(',')) {
    const p = raw.trim();
    if (p === API_PROTOCOL) speaksOurs = true;
    else if (p.startsWith(TOKEN_PROTOCOL_PREFIX) && token === null) token = p.slice(TOKEN_PROTOCOL_PREFIX.length);
  }
  return { speaksOurs, token };
}

/** Compares a presented token with the real one in constant time. */
export function tokenMatches(presented: string | null | undefined, token: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
