// Where the web door's WebSocket lives, relative to the page.
import { API_PATH } from '../../../common/wire.ts';

/** The WebSocket URL of the API for a page at `location`: same host, ws: or wss: to match http: or https:. */
export function apiSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${API_PATH}`;
}
