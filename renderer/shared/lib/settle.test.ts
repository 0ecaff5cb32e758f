import { describe, expect, it } from 'vitest';
import { settle } from './settle.ts';

describe('settle', () => {
  it('passes answers through and turns a rejection into a typed error with a hint', async () => {
    await expect(settle(Promise.resolve({ ok: true as const, value: 3 }))).resolves.toEqual({ ok: true, value: 3 });
    const failed = await settle<number>(Promise.reject(new Error('socket closed')));
    expect(failed).toEqual({ ok: false, error: { code: 'internal', message: 'Gentry could not be asked: socket closed', hint: 'Check the connection to Gentry and try again.' } });
  });
});
