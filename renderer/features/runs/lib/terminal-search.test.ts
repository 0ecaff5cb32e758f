import { describe, expect, it } from 'vitest';
import { countMatches, matchesText } from './terminal-search.ts';

describe('terminal search counts', () => {
  it('counts matches ignoring case, overlapping ones too', () => {
    expect(countMatches('Building a\nbuilding b\n', 'building')).toBe(2);
    expect(countMatches('aaaa', 'aa')).toBe(3);
    expect(countMatches('anything', '')).toBe(0);
    expect(countMatches('nothing here', 'error')).toBe(0);
  });
  it('words the count', () => {
    expect(matchesText(null)).toBe('');
    expect(matchesText(0)).toBe('No matches');
    expect(matchesText(1)).toBe('1 match');
    expect(matchesText(4)).toBe('4 matches');
  });
});
