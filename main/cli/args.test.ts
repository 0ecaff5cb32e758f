import { describe, expect, it } from 'vitest';
import { parseCommandLine, parsePort, UsageError } from './args.ts';

describe('parseCommandLine', () => {
  it('parses a command with its options', () => {
    const p = parseCommandLine(['list', '--json', '--system-profile', '/x/system']);
    expect(p.command).toBe('list');
    expect(p.values).toMatchObject({ json: true, 'system-profile': '/x/system' });
  });
  it('treats nothing and --help as help', () => {
    expect(parseCommandLine([]).command).toBe('help');
    expect(parseCommandLine(['--help']).command).toBe('help');
  });
  it.each([
    [['frobnicate']],
    [['list', '--bogus']],
    [['list', 'extra']],
    [['list', '--port', '3']],
    [['list', '--system-profile']],
    [['list', '--system-profile=']],
    [['serve', '--json=yes']],
  ])('refuses %j', (argv) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
  });
  it('checks ports', () => {
    expect(parsePort('8080')).toBe(8080);
    expect(parsePort(undefined)).toBe(0);
    expect(() => parsePort('70000')).toThrow(UsageError);
    expect(() => parsePort('-1')).toThrow(UsageError);
    expect(() => parsePort('12a')).toThrow(UsageError);
  });
});
