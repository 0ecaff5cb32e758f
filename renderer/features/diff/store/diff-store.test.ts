import { describe, it, expect } from 'vitest';
import type { CallResult } from '../../../../common/contract/index.ts';
import { diffOf, packageDiff } from '../../../../test-support/contract-fixtures.ts';
import type { DiffPair } from '../lib/diff-pairs.ts';
import { fakeApi } from '../../../../test-support/fake-api.ts';
import { createDiffStore } from './diff-store.ts';

type Answer = CallResult<'diff'>;

/** The shared fake, holding each diff call until the test answers it (every call stays listed in `calls`). */
function diffApi() {
  const fake = fakeApi().hold('diff');
  return { api: fake.api, calls: fake.held };
}

const pair = (from: number, to: number): DiffPair => ({
  from: { kind: 'system', name: 'system', number: from },
  to: { kind: 'system', name: 'system', number: to },
});
const ok = (from: number, to: number): Answer => ({ ok: true, value: diffOf([packageDiff({ name: `p${from}-${to}` })], from, to) });

describe('diff store', () => {
  it('opens a pair, shows loading, then the diff', async () => {
    const { api, calls } = diffApi();
    const store = createDiffStore(api);
    const opening = store.getState().open(pair(1, 2));
    expect(store.getState()).toMatchObject({ pair: pair(1, 2), loading: true, diff: null, error: null });
    expect(calls[0]!.input).toEqual({ from: pair(1, 2).from, to: pair(1, 2).to });
    calls[0]!.answer(ok(1, 2));
    await opening;
    expect(store.getState().loading).toBe(false);
    expect(store.getState().diff?.packages[0]?.name).toBe('p1-2');
  });

  it('serves a pair seen recently from its cache without asking again', async () => {
    const { api, calls } = diffApi();
    const store = createDiffStore(api);
    for (const [from, to] of [[1, 2], [2, 3]] as const) {
      const opening = store.getState().open(pair(from, to));
      calls.at(-1)!.answer(ok(from, to));
      await opening;
    }
    await store.getState().open(pair(1, 2));
    expect(calls).toHaveLength(2);
    expect(store.getState()).toMatchObject({ loading: false, error: null });
    expect(store.getState().diff?.packages[0]?.name).toBe('p1-2');
  });

  it('keeps only the last few diffs', async () => {
    const { api, calls } = diffApi();
    const store = createDiffStore(api, { keep: 2 });
    for (const [from, to] of [[1, 2], [2, 3], [3, 4]] as const) {
      const opening = store.getState().open(pair(from, to));
      calls.at(-1)!.answer(ok(from, to));
      await opening;
    }
    void store.getState().open(pair(1, 2));
    expect(calls).toHaveLength(4);
    await store.getState().open(pair(3, 4));
    expect(calls).toHaveLength(4);
  });

  it('shows the newest pair when answers arrive out of order, and caches both', async () => {
    const { api, calls } = diffApi();
    const store = createDiffStore(api);
    const first = store.getState().open(pair(1, 2));
    const second = store.getState().open(pair(2, 3));
    calls[1]!.answer(ok(2, 3));
    calls[0]!.answer(ok(1, 2));
    await Promise.all([first, second]);
    expect(store.getState().pair).toEqual(pair(2, 3));
    expect(store.getState().diff?.packages[0]?.name).toBe('p2-3');
    await store.getState().open(pair(1, 2));
    expect(calls).toHaveLength(2);
  });

  it('asks once when the same pair is opened twice while loading', async () => {
    const { api, calls } = diffApi();
    const store = createDiffStore(api);
    const a = store.getState().open(pair(1, 2));
    const b = store.getState().open(pair(1, 2));
    expect(calls).toHaveLength(1);
    calls[0]!.answer(ok(1, 2));
    await Promise.all([a, b]);
    expect(store.getState().diff).not.toBeNull();
  });

  it('keeps the error and hint, does not cache it, and asks again on retry', async () => {
    const { api, calls } = diffApi();
    const store = createDiffStore(api);
    const error = { code: 'not-found' as const, message: 'Generation 9 does not exist.', hint: 'Reload the list.' };
    const opening = store.getState().open(pair(8, 9));
    calls[0]!.answer({ ok: false, error });
    await opening;
    expect(store.getState()).toMatchObject({ loading: false, diff: null, error });
    const retrying = store.getState().retry();
    expect(store.getState().loading).toBe(true);
    calls[1]!.answer(ok(8, 9));
    await retrying;
    expect(store.getState()).toMatchObject({ loading: false, error: null });
  });

  it('turns a call that throws into an internal error', async () => {
    const store = createDiffStore({ diff: () => Promise.reject(new Error('socket gone')) });
    await store.getState().open(pair(1, 2));
    expect(store.getState().error).toMatchObject({ code: 'internal', message: expect.stringContaining('socket gone') });
  });

  it('closes, ignoring an answer that arrives afterwards, but keeps it for next time', async () => {
    const { api, calls } = diffApi();
    const store = createDiffStore(api);
    const opening = store.getState().open(pair(1, 2));
    store.getState().close();
    calls[0]!.answer(ok(1, 2));
    await opening;
    expect(store.getState()).toMatchObject({ pair: null, diff: null, loading: false });
    await store.getState().open(pair(1, 2));
    expect(calls).toHaveLength(1);
  });

  it('forgets its cache, including answers still on their way', async () => {
    const { api, calls } = diffApi();
    const store = createDiffStore(api);
    const first = store.getState().open(pair(1, 2));
    calls[0]!.answer(ok(1, 2));
    await first;
    const pending = store.getState().open(pair(2, 3));
    store.getState().forget();
    calls[1]!.answer(ok(2, 3));
    await pending;
    void store.getState().open(pair(1, 2));
    void store.getState().open(pair(2, 3));
    expect(calls).toHaveLength(4);
  });
});
