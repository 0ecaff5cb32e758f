// The one-line summary of a Progress.
import { describe, expect, it } from 'vitest';
import { formatBytes, statusLine } from './status-line.ts';

const base = { builds: { done: 0, expected: 0, running: 0, failed: 0 }, downloads: { done: 0, expected: 0, bytes: 0 }, errors: [], active: [] };

describe('statusLine', () => {
  it('says only what there is', () => {
    expect(statusLine(base)).toBe('builds 0/0');
    expect(statusLine({ ...base, builds: { done: 3, expected: 6, running: 2, failed: 1 }, downloads: { done: 1, expected: 3, bytes: 1_300_000 }, active: [{ name: 'hello', phase: 'buildPhase' }, { name: 'world', phase: null }] }, 200)).toBe(
      'builds 3/6 · 2 running · 1 failed · downloads 1/3 (1.2 MiB) · hello: buildPhase, world',
    );
    expect(statusLine({ ...base, errors: ['x', 'y'] })).toBe('builds 0/0 · 2 errors');
  });

  it('fits the width, counting characters, not bytes', () => {
    const line = statusLine({ ...base, active: [{ name: 'ünïcödé'.repeat(20), phase: null }] }, 30);
    expect([...line]).toHaveLength(30);
    expect(line.endsWith('…')).toBe(true);
  });

  it('formats bytes', () => {
    expect([0, 1023, 1024, 1536, 5 * 1024 ** 3].map(formatBytes)).toEqual(['0 B', '1023 B', '1.0 KiB', '1.5 KiB', '5.0 GiB']);
  });
});
