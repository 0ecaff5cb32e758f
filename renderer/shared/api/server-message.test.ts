import { describe, it, expect } from 'vitest';
import { parseServerMessage } from './server-message.ts';

describe('parseServerMessage', () => {
  it('reads a successful reply', () => {
    expect(parseServerMessage('{"id":3,"result":{"ok":true,"value":{"a":1}}}')).toEqual({
      kind: 'reply', reply: { id: 3, result: { ok: true, value: { a: 1 } } },
    });
  });
  it('reads a failed reply', () => {
    const message = parseServerMessage(JSON.stringify({ id: 4, result: { ok: false, error: { code: 'not-found', message: 'gone', hint: null } } }));
    expect(message.kind).toBe('reply');
  });
  it('reads an event', () => {
    expect(parseServerMessage('{"event":"profilesChanged","payload":{"reason":"demo"}}')).toEqual({
      kind: 'event', event: { event: 'profilesChanged', payload: { reason: 'demo' } },
    });
  });
  it('rejects a reply whose error does not match the contract', () => {
    expect(parseServerMessage('{"id":1,"result":{"ok":false,"error":{"code":"weird"}}}').kind).toBe('invalid');
  });
  it('rejects non-JSON, binary and shapeless messages', () => {
    expect(parseServerMessage('{').kind).toBe('invalid');
    expect(parseServerMessage(new ArrayBuffer(2)).kind).toBe('invalid');
    expect(parseServerMessage('{"hello":1}').kind).toBe('invalid');
  });
});
