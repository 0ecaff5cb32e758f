import { describe, it, expect } from 'vitest';
import type { CallResult, Machine } from '../../../../common/contract/index.ts';
import { createMachineStore } from './machine-store.ts';

const bare: Machine = {
  hasSystemProfile: false, systemProfile: '/nix/var/nix/profiles/system', demo: false, demoAvailable: true, demoUnavailableReason: null,
};
const demo: Machine = { ...bare, hasSystemProfile: true, demo: true, systemProfile: '/nix/store/…-demo/system' };

function fakeApi(openDemo: CallResult<'openDemo'>) {
  const demoAnswers: Array<(answer: CallResult<'openDemo'>) => void> = [];
  return {
    demoAnswers,
    api: {
      machine: async (): Promise<CallResult<'machine'>> => ({ ok: true, value: bare }),
      openDemo: () => new Promise<CallResult<'openDemo'>>((resolve) => demoAnswers.push(() => resolve(openDemo))),
    },
  };
}

describe('machine store', () => {
  it('loads the machine', async () => {
    const store = createMachineStore(fakeApi({ ok: true, value: demo }));
    await store.getState().load();
    expect(store.getState().machine).toEqual(bare);
  });

  it('shows the building state, then the demo machine, and tells its listener', async () => {
    let told = 0;
    const fake = fakeApi({ ok: true, value: demo });
    const store = createMachineStore({ ...fake, onDemoOpened: () => { told += 1; } });
    await store.getState().load();
    const opening = store.getState().openDemo();
    expect(store.getState().demoBuilding).toBe(true);
    void store.getState().openDemo(); // a second click while building does nothing
    expect(fake.demoAnswers).toHaveLength(1);
    fake.demoAnswers[0]!({ ok: true, value: demo });
    await opening;
    expect(store.getState()).toMatchObject({ machine: demo, demoBuilding: false, demoError: null });
    expect(told).toBe(1);
  });

  it('keeps the error and hint when the demo cannot be built', async () => {
    const error = { code: 'unavailable' as const, message: 'nix-store failed', hint: 'Is the Nix daemon running?' };
    const fake = fakeApi({ ok: false, error });
    const store = createMachineStore(fake);
    const opening = store.getState().openDemo();
    fake.demoAnswers[0]!({ ok: false, error });
    await opening;
    expect(store.getState()).toMatchObject({ demoBuilding: false, demoError: error });
  });
});
