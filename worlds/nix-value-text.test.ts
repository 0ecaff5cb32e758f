import { describe, expect, it } from 'vitest';
import { nixValueText } from './nix-value-text.ts';

describe('nixValueText', () => {
  it('prints lists and attribute sets on one line with sorted names', () => {
    expect(nixValueText([{ name: 'hello-2.12.1', meta: { available: true }, outputs: ['out'] }])).toBe(
      '[ { meta = { available = true; }; name = "hello-2.12.1"; outputs = [ "out" ]; } ]',
    );
    expect(nixValueText([])).toBe('[ ]');
    expect(nixValueText({})).toBe('{ }');
  });

  it('escapes strings and quotes odd attribute names', () => {
    expect(nixValueText('a "b" \\ ${c}\n')).toBe('"a \\"b\\" \\\\ \\${c}\\n"');
    expect(nixValueText({ 'x.y': 1 })).toBe('{ "x.y" = 1; }');
  });
});
