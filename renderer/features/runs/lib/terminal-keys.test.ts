import { describe, expect, it } from 'vitest';
import { terminalKeyAction } from './terminal-keys.ts';

const key = (k: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean } = {}) => ({
  key: k, ctrlKey: mods.ctrl ?? false, shiftKey: mods.shift ?? false, altKey: mods.alt ?? false, metaKey: mods.meta ?? false,
});

describe('terminalKeyAction', () => {
  it('copies on Ctrl+Shift+C and ⌘C, and lets Ctrl+C through to the program', () => {
    expect(terminalKeyAction(key('C', { ctrl: true, shift: true }))).toBe('copy');
    expect(terminalKeyAction(key('c', { meta: true }))).toBe('copy');
    expect(terminalKeyAction(key('c', { ctrl: true }))).toBeNull();
  });
  it('opens the search on Ctrl+F or ⌘F and steps through matches with F3', () => {
    expect(terminalKeyAction(key('f', { ctrl: true }))).toBe('search');
    expect(terminalKeyAction(key('f', { meta: true }))).toBe('search');
    expect(terminalKeyAction(key('F3'))).toBe('search-next');
    expect(terminalKeyAction(key('F3', { shift: true }))).toBe('search-previous');
  });
  it('leaves everything else to the program', () => {
    expect(terminalKeyAction(key('f'))).toBeNull();
    expect(terminalKeyAction(key('f', { ctrl: true, alt: true }))).toBeNull();
    expect(terminalKeyAction(key('Enter'))).toBeNull();
    expect(terminalKeyAction(key('d', { ctrl: true }))).toBeNull();
  });
});
