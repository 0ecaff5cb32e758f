import { describe, it, expect } from 'vitest';
import type { Machine } from '../../../../common/contract/index.ts';
import { fakeApi } from '../../../../test-support/fake-api.ts';
import { createMachineStore } from './machine-store.ts';

const bare: Machine = {
  hasSystemProfile: false, systemProfile: '/nix/var/nix/profiles/system', demo: false, demoAvailable: true, demoUnavailableReason: null,
};
const demo: Machine = { ...bare, hasSystemProfile: true, demo: true, systemProfile: '/nix/store/…-demo/system' };

/** The shared fake: machine answers the bare machine at once, openDemo waits until the test answers it. */
function machineApi() {
  return fakeApi().answer('machine', { ok: true, value: bare }).hold('openDemo');
}

describe('machine store', () => {
  it('loads the machine', async () => {
    const store = createMachineStore({ api: machineApi().api });
    await store.getState().load();
    expect(store.getState().machine).toEqual(bare);
  });

  it('shows the building state, then the demo machine, and tells its listener', async () => {
    let told = 0;
    const fake = machineApi();
    const store = createMachineStore({ api: fake.api, onDemoOpened: () => { told += 1; } });
    await store.getState().load();
    const opening = store.getState().openDemo();
    expect(store.getState().demoBuilding).toBe(true);
    void store.getState().openDemo(); // a second click while building does nothing
    expect(fake.held).toHaveLength(1);
    fake.next('openDemo').ok(demo);
    await opening;
    expect(store.getState()).toMatchObject({ machine: demo, demoBuilding: false, demoError: null });
    expect(told).toBe(1);
  });

  it('keeps the error and hint when the demo cannot be built', async () => {
    const error = { code: 'unavailable' as const, message: 'nix-store failed', hint: 'Is the Nix daemon running?' };
    const fake = machineApi();
    const store = createMachineStore({ api: fake.api });
    const opening = store.getState().openDemo();
    fake.next('openDemo').fail(error);
    await opening;
    expect(store.getState()).toMatchObject({ demoBuilding: false, demoError: error });
  });
});
