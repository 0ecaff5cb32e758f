// pins.json: a missing file is no pins, a bad one is reported (never overwritten), writes keep a .bak.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Pin } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { pinsFileText, readPinsFile, readPinsForChange, withoutPin, withPin, writePinsFile } from './pins-file.ts';

const made: string[] = [];
const fresh = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'gentry-pins-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const pin = (attr: string, version: string): Pin => ({
  attr,
  version,
  source: 'github:NixOS/nixpkgs',
  rev: 'b'.repeat(40),
  narHash: null,
  reason: null,
  created: '2026-11-21T20:00:00Z',
  fromGeneration: { profile: 'system', number: 3 },
});

describe('pins.json', () => {
  it('reads a missing file as no pins, and writes the documented shape', async () => {
    const dir = fresh();
    const read = await readPinsFile(dir);
    expect(read).toEqual({ ok: true, file: { version: 1, pins: [] }, text: null });
    await writePinsFile(dir, { version: 1, pins: [pin('kicad', '8.0.1')] }, null);
    expect(existsSync(join(dir, 'pins.json.bak'))).toBe(false);
    const raw = JSON.parse(readFileSync(join(dir, 'pins.json'), 'utf8'));
    expect(raw).toEqual({ version: 1, pins: [pin('kicad', '8.0.1')] });
    expect(readFileSync(join(dir, 'pins.json'), 'utf8').endsWith('\n')).toBe(true);
  });

  it('keeps the previous text as pins.json.bak', async () => {
    const dir = fresh();
    await writePinsFile(dir, { version: 1, pins: [pin('kicad', '8.0.1')] }, null);
    const first = await readPinsForChange(dir);
    await writePinsFile(dir, withPin(first.file, pin('hello', '2.12')), first.text);
    expect(readFileSync(join(dir, 'pins.json.bak'), 'utf8')).toBe(first.text);
    const second = await readPinsFile(dir);
    expect(second.ok && second.file.pins.map((p) => p.attr)).toEqual(['kicad', 'hello']);
  });

  it('replaces a pin of the same attribute in place, and removes by attribute', () => {
    const file = { version: 1 as const, pins: [pin('a', '1'), pin('b', '1')] };
    expect(withPin(file, pin('a', '2')).pins.map((p) => `${p.attr} ${p.version}`)).toEqual(['a 2', 'b 1']);
    expect(withoutPin(file, 'a', '/x').pins.map((p) => p.attr)).toEqual(['b']);
    expect(() => withoutPin(file, 'c', '/x')).toThrow(GentryError);
    expect(pinsFileText(file)).toBe(`${JSON.stringify(file, null, 2)}\n`);
  });

  it('reports a malformed file and refuses to change it', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'pins.json'), '{"version":1,"pins":[{"attr":1}]}');
    const read = await readPinsFile(dir);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(/not a pins file.*pins.json.bak/s);
    writeFileSync(join(dir, 'pins.json'), 'not json');
    const again = await readPinsFile(dir);
    expect(!again.ok && again.problem).toMatch(/not JSON/);
    await expect(readPinsForChange(dir)).rejects.toMatchObject({ code: 'bad-input' });
    expect(readFileSync(join(dir, 'pins.json'), 'utf8')).toBe('not json');
  });
});
