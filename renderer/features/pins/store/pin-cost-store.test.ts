import { describe, expect, it } from 'vitest';
import type { PinCostInfo } from '../../../../common/contract/index.ts';
import { fakeApi } from '../../../../test-support/fake-api.ts';
import { costSettled, createPinCostStore, type PinCostSubject } from './pin-cost-store.ts';

const a: PinCostSubject = { attr: 'kicad', source: 'github:NixOS/nixpkgs', rev: 'a'.repeat(40), narHash: 'sha256-x' };
const b: PinCostSubject = { ...a, rev: 'b'.repeat(40) };
const notChecked = (s: PinCostSubject): PinCostInfo => ({ state: 'not-checked', attr: s.attr, source: s.source, rev: s.rev, drvPath: '/nix/store/x.drv', reason: 'no substituter could be reached', missingLocally: 2, substituters: [] });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pin-cost store', () => {
  it('asks once per subject; settled only when the answer for that subject is in (a "not checked" settles it too)', async () => {
    const fake = fakeApi().hold('pinCost');
    const store = createPinCostStore(fake.api);
    expect(costSettled(store.getState(), a)).toBe(false);
    const asking = store.getState().ask(a);
    void store.getState().ask(a); // the same subject: no second call
    expect(fake.held).toHaveLength(1);
    expect(costSettled(store.getState(), a)).toBe(false);
    fake.next('pinCost').ok(notChecked(a));
    await asking;
    expect(costSettled(store.getState(), a)).toBe(true);
    expect(costSettled(store.getState(), b)).toBe(false);
    expect(store.getState().current?.cost?.state).toBe('not-checked');
    await store.getState().ask(a);
    expect(fake.inputs('pinCost')).toEqual([a]);
  });

  it('keeps only the newest question\'s answer; a failed call settles with its error and is asked again next time', async () => {
    const fake = fakeApi().hold('pinCost');
    const store = createPinCostStore(fake.api);
    void store.getState().ask(a);
    void store.getState().ask(b);
    const [first, second] = [fake.take('pinCost'), fake.take('pinCost')];
    second.fail({ code: 'unavailable', message: 'Nix is busy', hint: null });
    await tick();
    first.ok(notChecked(a)); // late: dropped
    await tick();
    expect(store.getState().current).toMatchObject({ key: expect.stringContaining('b'.repeat(40)), checking: false, cost: null, error: { message: 'Nix is busy' } });
    expect(costSettled(store.getState(), b)).toBe(true);
    void store.getState().ask(b);
    expect(fake.held).toHaveLength(1);
    fake.next('pinCost').ok(notChecked(b));
    await tick();
    expect(store.getState().current?.cost?.rev).toBe(b.rev);
  });
});
