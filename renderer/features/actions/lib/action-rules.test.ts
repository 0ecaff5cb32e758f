import { describe, it, expect } from 'vitest';
import { generation, profile } from '../../../../test-support/contract-fixtures.ts';
import { canDeleteKind, deletionBlock, effectiveMarks, switchOffers, toggleMark } from './action-rules.ts';

describe('switchOffers', () => {
  it('offers switch and boot for a system generation, switch only for home-manager, nothing for per-user', () => {
    expect(switchOffers('system', generation()).map((o) => o.mode)).toEqual(['switch', 'boot']);
    expect(switchOffers('home', generation()).map((o) => o.mode)).toEqual(['switch']);
    expect(switchOffers('user', generation())).toEqual([]);
  });

  it('disables switching to the current generation but still lets it be booted', () => {
    const [swap, boot] = switchOffers('system', generation({ current: true }));
    expect(swap).toMatchObject({ enabled: false, reason: 'This is already the current generation' });
    expect(boot).toMatchObject({ enabled: true, reason: null });
  });

  it('disables both when the link cannot be read', () => {
    expect(switchOffers('system', generation({ storePath: null })).every((o) => !o.enabled && o.reason !== null)).toBe(true);
  });
});

describe('deletionBlock', () => {
  it('refuses the current and booted generations and per-user profiles, with a reason', () => {
    expect(deletionBlock('system', generation({ current: true }))).toMatch(/current/);
    expect(deletionBlock('system', generation({ booted: true }))).toMatch(/booted/);
    expect(deletionBlock('user', generation())).toMatch(/Per-user/);
    expect(deletionBlock('home', generation())).toBeNull();
    expect(canDeleteKind('home')).toBe(true);
    expect(canDeleteKind('user')).toBe(false);
  });
});

describe('marks', () => {
  it('toggles a number in and out', () => {
    expect(toggleMark([3], 4)).toEqual([3, 4]);
    expect(toggleMark([3, 4], 3)).toEqual([4]);
  });

  it('keeps only marks that still exist and may be deleted, sorted', () => {
    const p = profile({ generations: [generation({ number: 1 }), generation({ number: 2, booted: true }), generation({ number: 3 }), generation({ number: 4, current: true })] });
    expect(effectiveMarks(p, [3, 9, 2, 1, 4, 3])).toEqual([1, 3]);
  });
});
