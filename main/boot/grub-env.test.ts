import { describe, expect, it } from 'vitest';
import { encodeGrubEnv, GRUBENV_SIGNATURE, parseGrubEnv } from './grub-env.ts';

describe('grubenv', () => {
  it('reads name=value lines and ignores the # padding, as grub-editenv leaves the block', () => {
    const block = `${GRUBENV_SIGNATURE}saved_entry=NixOS - All configurations>NixOS - Configuration 41 (2025-09-04 - 25.05.20250904.fe83bbd)\nnext_entry=\n${'#'.repeat(900)}`;
    const vars = parseGrubEnv(block);
    expect(vars.get('saved_entry')).toBe('NixOS - All configurations>NixOS - Configuration 41 (2025-09-04 - 25.05.20250904.fe83bbd)');
    expect(vars.get('next_entry')).toBe('');
    expect([...vars.keys()]).toEqual(['saved_entry', 'next_entry']);
  });

  it('undoes the backslash escapes GRUB writes for \\ and newlines', () => {
    const vars = parseGrubEnv(`${GRUBENV_SIGNATURE}a=back\\\\slash\nb=two\\\nlines\nc=x=y\n####`);
    expect(vars.get('a')).toBe('back\\slash');
    expect(vars.get('b')).toBe('two\nlines');
    expect(vars.get('c')).toBe('x=y');
  });

  it('drops a last line cut off before its newline, and refuses a block without the signature', () => {
    expect([...parseGrubEnv(`${GRUBENV_SIGNATURE}a=1\nb=2`).entries()]).toEqual([['a', '1']]);
    expect(() => parseGrubEnv('saved_entry=0\n')).toThrow(/not a GRUB environment block/);
  });

  it('writes a block of exactly 1024 bytes that reads back the same', () => {
    const vars: [string, string][] = [
      ['saved_entry', 'NixOS - Default'],
      ['odd', 'a\\b\nc'],
      ['title', 'NixOS – ünïcode'],
    ];
    const block = encodeGrubEnv(vars);
    expect(Buffer.byteLength(block)).toBe(1024);
    expect(block.startsWith(GRUBENV_SIGNATURE)).toBe(true);
    expect(block).toContain('odd=a\\\\b\\\nc\n');
    expect(block.endsWith('#')).toBe(true);
    expect([...parseGrubEnv(block).entries()]).toEqual(vars);
    expect(() => encodeGrubEnv([['big', 'x'.repeat(1100)]])).toThrow(/more than the block/);
    expect(() => encodeGrubEnv([['a=b', 'x']])).toThrow(/bad grubenv variable name/);
  });
});
