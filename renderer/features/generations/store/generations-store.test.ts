import { describe, it, expect } from 'vitest';
import type { ProfileList } from '../../../../common/contract/index.ts';
import { generation, profile } from '../../../../test-support/contract-fixtures.ts';
import { fakeApi } from '../../../../test-support/fake-api.ts';
import { createGenerationsStore, selectedGenerationNumber, selectedProfile, visibleNotices } from './generations-store.ts';


/** The shared fake, holding each listProfiles call until the test answers it. */
function profilesApi() {
  const fake = fakeApi().hold('listProfiles');
  return { api: fake.api, held: fake.held };
}

const list: ProfileList = {
  profiles: [
    profile({ kind: 'home', name: 'alice', generations: [generation({ number: 1 }), generation({ number: 2, current: true })] }),
    profile({ kind: 'system', name: 'system', generations: [generation({ number: 7, current: true }), generation({ number: 8 })] }),
  ],
  notices: ['Nix database not readable; used nix-store instead.'],
};

describe('generations store', () => {
  it('loads, selects the first profile in sidebar order, and its current generation', async () => {
    const { api, held } = profilesApi();
    const store = createGenerationsStore(api);
    const loading = store.getState().load();
    expect(store.getState().loading).toBe(true);
    held[0]!.answer({ ok: true, value: list });
    await loading;
    const state = store.getState();
    expect(state.loading).toBe(false);
    expect(state.selectedKey).toBe('system:system');
    expect(selectedProfile(state)?.name).toBe('system');
    expect(selectedGenerationNumber(state)).toBe(7);
  });

  it('keeps the old list and reports the error when a reload fails', async () => {
    const { api, held } = profilesApi();
    const store = createGenerationsStore(api);
    const first = store.getState().load();
    held[0]!.answer({ ok: true, value: list });
    await first;
    const second = store.getState().load();
    const error = { code: 'unavailable' as const, message: 'down', hint: 'start it' };
    held[1]!.answer({ ok: false, error });
    await second;
    expect(store.getState().list).toBe(list);
    expect(store.getState().error).toEqual(error);
  });

  it('lets the newest load win when answers arrive out of order', async () => {
    const { api, held } = profilesApi();
    const store = createGenerationsStore(api);
    const older = store.getState().load();
    const newer = store.getState().load();
    const newList: ProfileList = { profiles: [profile()], notices: [] };
    held[1]!.answer({ ok: true, value: newList });
    held[0]!.answer({ ok: true, value: list });
    await Promise.all([older, newer]);
    expect(store.getState().list).toBe(newList);
  });

  it('remembers the picked generation per profile and forgets it when it is deleted', async () => {
    const { api, held } = profilesApi();
    const store = createGenerationsStore(api);
    const first = store.getState().load();
    held[0]!.answer({ ok: true, value: list });
    await first;
    store.getState().selectGeneration('system:system', 8);
    store.getState().selectProfile('home:alice');
    expect(selectedGenerationNumber(store.getState())).toBe(2);
    store.getState().selectProfile('system:system');
    expect(selectedGenerationNumber(store.getState())).toBe(8);

    const reload = store.getState().load();
    const trimmed = { ...list, profiles: [profile({ generations: [generation({ number: 7, current: true })] })] };
    held[1]!.answer({ ok: true, value: trimmed });
    await reload;
    expect(selectedGenerationNumber(store.getState())).toBe(7);
  });

  it('steps through profiles in sidebar order', async () => {
    const { api, held } = profilesApi();
    const store = createGenerationsStore(api);
    const first = store.getState().load();
    held[0]!.answer({ ok: true, value: list });
    await first;
    store.getState().stepProfile(1);
    expect(store.getState().selectedKey).toBe('home:alice');
    store.getState().stepProfile(1);
    expect(store.getState().selectedKey).toBe('home:alice');
    store.getState().stepProfile(-1);
    expect(store.getState().selectedKey).toBe('system:system');
  });

  it('hides dismissed notices until a new one arrives', async () => {
    const { api, held } = profilesApi();
    const store = createGenerationsStore(api);
    const first = store.getState().load();
    held[0]!.answer({ ok: true, value: list });
    await first;
    expect(visibleNotices(store.getState())).toEqual(list.notices);
    store.getState().dismissNotices();
    expect(visibleNotices(store.getState())).toEqual([]);
    const reload = store.getState().load();
    held[1]!.answer({ ok: true, value: { ...list, notices: [...list.notices, 'Something new.'] } });
    await reload;
    expect(visibleNotices(store.getState())).toEqual(['Something new.']);
  });
});

describe('loading with resetSelection', () => {
  it('starts the next list that arrives with a fresh selection, even from a newer load', async () => {
    const { api, held } = profilesApi();
    const store = createGenerationsStore(api);
    const first = store.getState().load();
    held[0]!.answer({ ok: true, value: list });
    await first;
    store.getState().selectProfile('home:alice');
    store.getState().selectGeneration('home:alice', 1);
    const resetting = store.getState().load({ resetSelection: true });
    const newer = store.getState().load();
    held[2]!.answer({ ok: true, value: list });
    held[1]!.answer({ ok: true, value: list });
    await Promise.all([resetting, newer]);
    expect(store.getState().selectedKey).toBe('system:system');
    expect(store.getState().picked).toEqual({});
  });
});
