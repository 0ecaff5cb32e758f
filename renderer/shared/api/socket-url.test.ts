import { describe, it, expect } from 'vitest';
import { apiSocketUrl } from './socket-url.ts';

describe('apiSocketUrl', () => {
  it('uses ws: for http: pages, keeping host and port', () => {
    expect(apiSocketUrl({ protocol: 'http:', host: '127.0.0.1:4123' })).toBe('ws://127.0.0.1:4123/api');
  });
  it('uses wss: for https: pages', () => {
    expect(apiSocketUrl({ protocol: 'https:', host: 'box.local' })).toBe('wss://box.local/api');
  });
});
