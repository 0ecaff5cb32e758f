import { describe, expect, it } from 'vitest';
import { socketProtocols, takeSessionToken, type TokenPlace } from './session-token.ts';

function place(hash: string, stored: string | null = null): TokenPlace & { urls: string[]; store: Map<string, string> } {
  const store = new Map<string, string>(stored === null ? [] : [['gentry.token', stored]]);
  const urls: string[] = [];
  return {
    location: { hash, pathname: '/', search: '' },
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
    replaceUrl: (u) => void urls.push(u),
    urls,
    store,
  };
}

describe('takeSessionToken', () => {
  it('moves the token from the fragment to session storage and clears the address bar', () => {
    const p = place('#token=abcdefghijklmnopqrstuvwxyz012345');
    expect(takeSessionToken(p)).toBe('abcdefghijklmnopqrstuvwxyz012345');
    expect(p.store.get('gentry.token')).toBe('abcdefghijklmnopqrstuvwxyz012345');
    expect(p.urls).toEqual(['/']);
  });
  it('falls back to the stored token after a reload, and to null without one', () => {
    expect(takeSessionToken(place('', 'abcdefghijklmnopqrstuvwxyz012345'))).toBe('abcdefghijklmnopqrstuvwxyz012345');
    expect(takeSessionToken(place(''))).toBeNull();
  });
  it('ignores a fragment token that is not token-shaped', () => {
    const p = place('#token=a%20b%2Cc');
    expect(takeSessionToken(p)).toBeNull();
    expect(p.urls).toEqual([]);
  });
  it('offers our subprotocol, plus the token when there is one', () => {
    expect(socketProtocols(null)).toEqual(['gentry.v1']);
    expect(socketProtocols('abc')).toEqual(['gentry.v1', 'gentry.token.abc']);
  });
});
