import { describe, expect, it } from 'vitest';
import { TerminalBuffer } from './terminal-buffer.ts';

describe('TerminalBuffer', () => {
  it('keeps output in order', () => {
    const buffer = new TerminalBuffer();
    buffer.append('one\r\n');
    buffer.append('');
    buffer.append('two\r\n');
    expect(buffer.text()).toBe('one\r\ntwo\r\n');
    expect(buffer.length).toBe(10);
    expect(buffer.dropped).toBe(false);
  });
  it('drops the oldest chunks past its limit, never the newest', () => {
    const buffer = new TerminalBuffer(8);
    buffer.append('aaaa');
    buffer.append('bbbb');
    buffer.append('cc');
    expect(buffer.text()).toBe('bbbbcc');
    expect(buffer.dropped).toBe(true);
    buffer.append('x'.repeat(20));
    expect(buffer.text()).toBe('x'.repeat(20));
    expect(buffer.length).toBe(20);
  });
});
