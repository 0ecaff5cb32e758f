// The web door's session token, on the page side: `gentry serve` prints (and `--open` opens) a URL with
// `#token=…`. The fragment never reaches any server; the page moves it to sessionStorage (this tab only,
// gone when the tab closes), removes it from the address bar, and offers it when the WebSocket opens.
import { API_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../../common/wire.ts';

const KEY = 'gentry.token';
const TOKEN = /^[A-Za-z0-9_-]{16,512}$/;

/** What {@link takeSessionToken} needs from the browser (a fake stands in for tests). */
export type TokenPlace = {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  replaceUrl(url: string): void;
};

/** Takes the token out of the URL fragment into session storage; returns it (or the one stored earlier in this tab), or null. */
export function takeSessionToken(place: TokenPlace): string | null {
  const fromHash = new URLSearchParams(place.location.hash.replace(/^#/, '')).get('token');
  if (fromHash !== null && TOKEN.test(fromHash)) {
    try {
      place.storage.setItem(KEY, fromHash);
    } catch {
      // Storage refused (private mode quota): the token still works for this page load.
    }
    place.replaceUrl(place.location.pathname + place.location.search);
    return fromHash;
  }
  try {
    const stored = place.storage.getItem(KEY);
    return stored !== null && TOKEN.test(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The subprotocols the page offers: ours, and the token when it has one. */
export function socketProtocols(token: string | null): string[] {
  return token === null ? [API_PROTOCOL] : [API_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`];
}
