import { describe, expect, it } from 'vitest';
import { pinOutcomes, pinOutcomeText } from './pin-outcome.ts';

describe('pinOutcomes', () => {
  const realised = {
    built: ['kicad-8.0.1', 'libfoo-1.0'],
    fetched: [{ name: 'gcc-13.2.0', from: 'https://cache.nixos.org' }, { name: 'gcc-13.2.0-lib', from: 'https://cache.nixos.org' }, { name: 'firefox-120.0.1', from: 'file:///srv/cache' }],
    truncated: false,
  };
  it('built, fetched (with the caches named by host or path), or neither', () => {
    const out = pinOutcomes([{ attr: 'kicad', version: '8.0.1' }, { attr: 'gcc', version: '13.2.0' }, { attr: 'firefox', version: '120.0.1' }, { attr: 'hello', version: '2.12' }], realised);
    expect(out).toEqual([
      { attr: 'kicad', version: '8.0.1', outcome: 'built' },
      { attr: 'gcc', version: '13.2.0', outcome: 'fetched', from: ['cache.nixos.org'] },
      { attr: 'firefox', version: '120.0.1', outcome: 'fetched', from: ['/srv/cache'] },
      { attr: 'hello', version: '2.12', outcome: 'neither', truncated: false },
    ]);
    expect(out.map(pinOutcomeText)).toEqual([
      'kicad 8.0.1 was built on this machine.',
      'gcc 13.2.0 was fetched from cache.nixos.org, not built.',
      'firefox 120.0.1 was fetched from /srv/cache, not built.',
      'hello 2.12 was neither built nor fetched: it was in the store already, or this rebuild does not use the pin.',
    ]);
  });
  it('does not take another version or a longer name for the package', () => {
    const out = pinOutcomes([{ attr: 'kicad', version: '8.0' }, { attr: 'gcc', version: '13' }, { attr: 'libfoo', version: '1.0' }], { built: ['kicad-8.0.1', 'libfoo-1.0-2'], fetched: [{ name: 'gcc-13.2.0', from: 'https://c.org' }], truncated: true });
    expect(out.map((o) => o.outcome)).toEqual(['neither', 'neither', 'neither']);
    expect(pinOutcomeText(out[0] as never)).toMatch(/the run did too much to list it all/);
  });
});
