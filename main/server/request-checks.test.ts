import { describe, expect, it } from 'vitest';
import { cookieValue, hostAllowed, originAllowed, tokenMatches } from './request-checks.ts';

describe('web door checks', () => {
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
  it('reads cookies and compares tokens exactly', () => {
    expect(cookieValue('a=1; gentry_token=abc%3D; b=2', 'gentry_token')).toBe('abc=');
    expect(cookieValue('xgentry_token=abc', 'gentry_token')).toBeNull();
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('ab', 'abc')).toBe(false);
    expect(tokenMatches(null, 'abc')).toBe(false);
  });
});
