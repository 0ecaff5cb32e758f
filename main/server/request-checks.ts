// The web door's checks, as pure functions: Host (against DNS rebinding), Origin (against
// cross-site WebSockets) and the session token (query parameter or cookie).
import { timingSafeEqual } from 'node:crypto';

/** The cookie the first page load sets. */
export const TOKEN_COOKIE = 'gentry_token';

/** True when `host` is exactly `127.0.0.1:PORT` or `localhost:PORT`. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** True when `origin` is the server's own (http on 127.0.0.1 or localhost, same port). */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** The value of one cookie in a Cookie header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** Compares a presented token with the real one in constant time. */
export function tokenMatches(presented: string | null | undefined, token: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
