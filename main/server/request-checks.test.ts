import { describe, expect, it } from 'vitest';
import { hostAllowed, offeredProtocols, originAllowed, requestPath, tokenMatches } from './request-checks.ts';

describe('web door checks', () => {
  it('accepts only origin-form request targets, without throwing', () => {
    expect(requestPath('/')).toBe('/');
    expect(requestPath('/assets/a.js?v=1')).toBe('/assets/a.js');
    expect(requestPath('http://[')).toBeNull();
    expect(requestPath('http://127.0.0.1:4000/')).toBeNull();
    expect(requestPath('//evil.example/x')).toBeNull();
    expect(requestPath('*')).toBeNull();
    expect(requestPath('')).toBeNull();
    expect(requestPath(undefined)).toBeNull();
    expect(requestPath(`/${'a'.repeat(9000)}`)).toBeNull();
  });
  it('allows only loopback hosts on our port', () => {
    expect(hostAllowed('127.0.0.1:4000', 4000)).toBe(true);
    expect(hostAllowed('localhost:4000', 4000)).toBe(true);
    expect(hostAllowed('localhost:4001', 4000)).toBe(false);
    expect(hostAllowed('evil.example:4000', 4000)).toBe(false);
    expect(hostAllowed('127.0.0.1', 4000)).toBe(false);
    expect(hostAllowed(undefined, 4000)).toBe(false);
  });
  it('allows only our own origin', () => {
    expect(originAllowed('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(originAllowed('http://localhost:4000', 4000)).toBe(true);
    expect(originAllowed('https://127.0.0.1:4000', 4000)).toBe(false);
    expect(originAllowed('http://127.0.0.1:4000.evil.example', 4000)).toBe(false);
    expect(originAllowed('null', 4000)).toBe(false);
    expect(originAllowed(undefined, 4000)).toBe(false);
  });
  it('reads the offered subprotocols: ours and the token', () => {
    expect(offeredProtocols('gentry.v1, gentry.token.abc')).toEqual({ speaksOurs: true, token: 'abc' });
    expect(offeredProtocols('gentry.token.abc')).toEqual({ speaksOurs: false, token: 'abc' });
    expect(offeredProtocols('chat')).toEqual({ speaksOurs: false, token: null });
    expect(offeredProtocols(undefined)).toEqual({ speaksOurs: false, token: null });
    expect(offeredProtocols(`gentry.v1, gentry.token.${'x'.repeat(2000)}`)).toEqual({ speaksOurs: false, token: null });
  });
  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('ab', 'abc')).toBe(false);
    expect(tokenMatches('é', 'ab')).toBe(false);
    expect(tokenMatches(null, 'abc')).toBe(false);
  });
});
