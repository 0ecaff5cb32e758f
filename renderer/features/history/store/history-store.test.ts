import { describe, it, expect } from 'vitest';
import { historyPoint } from '../../../../test-support/contract-fixtures.ts';
import { fakeApi } from '../../../../test-support/fake-api.ts';
import { createHistoryStore } from './history-store.ts';


/** The shared fake, holding each history call until the test answers it (every call stays listed in `calls`). */
function historyApi() {
  const fake = fakeApi().hold('history');
  return { api: fake.api, calls: fake.held };
}

const points = [historyPoint({ number: 1 }), historyPoint({ number: 2, channelUpdate: true })];

describe('history store', () => {
  it('loads a profile once, keyed by kind and name', async () => {
    const { api, calls } = historyApi();
    const store = createHistoryStore(api);
    const loading = store.getState().load('system', 'system');
    void store.getState().load('system', 'system');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input).toEqual({ kind: 'system', name: 'system' });
    expect(store.getState().byProfile['system:system']).toMatchObject({ loading: true, points: null });
    calls[0]!.answer({ ok: true, value: { points } });
    await loading;
    expect(store.getState().byProfile['system:system']).toMatchObject({ loading: false, points, error: null, stale: false });
    await store.getState().load('system', 'system');
    expect(calls).toHaveLength(1);
  });

  it('keeps the old points while a stale history loads again', async () => {
    const { api, calls } = historyApi();
    const store = createHistoryStore(api);
    const first = store.getState().load('home', 'alice');
    calls[0]!.answer({ ok: true, value: { points } });
    await first;
    store.getState().invalidate();
    expect(store.getState().byProfile['home:alice']).toMatchObject({ stale: true, points });
    const again = store.getState().load('home', 'alice');
    expect(store.getState().byProfile['home:alice']).toMatchObject({ loading: true, points });
    calls[1]!.answer({ ok: true, value: { points: points.slice(0, 1) } });
    await again;
    expect(store.getState().byProfile['home:alice']?.points).toHaveLength(1);
  });

  it('remembers a failure until asked to try again', async () => {
    const { api, calls } = historyApi();
    const store = createHistoryStore(api);
    const error = { code: 'unavailable' as const, message: 'Nix database not readable', hint: 'Check permissions.' };
    const first = store.getState().load('user', 'bob');
    calls[0]!.answer({ ok: false, error });
    await first;
    expect(store.getState().byProfile['user:bob']).toMatchObject({ error, loading: false });
    await store.getState().load('user', 'bob');
    expect(calls).toHaveLength(1);
    const retry = store.getState().load('user', 'bob', true);
    calls[1]!.answer({ ok: true, value: { points } });
    await retry;
    expect(store.getState().byProfile['user:bob']).toMatchObject({ error: null, points });
  });

  it('drops answers for histories forgotten meanwhile', async () => {
    const { api, calls } = historyApi();
    const store = createHistoryStore(api);
    const loading = store.getState().load('system', 'system');
    store.getState().forget();
    calls[0]!.answer({ ok: true, value: { points } });
    await loading;
    expect(store.getState().byProfile).toEqual({});
  });

  it('starts with the chart folded, opens it, tells who remembers it, and switches the x axis', () => {
    const told: boolean[] = [];
    const store = createHistoryStore(fakeApi().api, { onChartOpen: (open) => told.push(open) });
    expect(store.getState()).toMatchObject({ chartOpen: false, xMode: 'index' });
    store.getState().setChartOpen(true);
    store.getState().setXMode('date');
    expect(store.getState()).toMatchObject({ chartOpen: true, xMode: 'date' });
    expect(told).toEqual([true]);
    expect(createHistoryStore(fakeApi().api, { chartOpen: true }).getState().chartOpen).toBe(true);
  });
});
