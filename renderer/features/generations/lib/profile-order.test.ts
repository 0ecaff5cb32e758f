import { describe, it, expect } from 'vitest';
import { adjacentKey, groupProfiles, orderedProfiles, profileKey } from './profile-order.ts';
import { profile } from '../../../../test-support/contract-fixtures.ts';

const profiles = [
  profile({ kind: 'user', name: 'zoe' }),
  profile({ kind: 'home', name: 'alice' }),
  profile({ kind: 'system', name: 'gaming' }),
  profile({ kind: 'user', name: 'alice' }),
  profile({ kind: 'system', name: 'system' }),
  profile({ kind: 'system', name: 'alpha' }),
];

describe('profileKey', () => {
  it('joins kind and name', () => {
    expect(profileKey({ kind: 'home', name: 'alice' })).toBe('home:alice');
  });
});

describe('groupProfiles', () => {
  it('groups System, Home, User in that order, the system profile first', () => {
    const groups = groupProfiles(profiles);
    expect(groups.map((g) => g.label)).toEqual(['System', 'Home', 'User']);
    expect(groups[0]?.profiles.map((p) => p.name)).toEqual(['system', 'alpha', 'gaming']);
    expect(groups[2]?.profiles.map((p) => p.name)).toEqual(['alice', 'zoe']);
  });
  it('leaves out empty groups', () => {
    expect(groupProfiles([profile({ kind: 'user', name: 'bob' })]).map((g) => g.kind)).toEqual(['user']);
  });
});

describe('orderedProfiles', () => {
  it('flattens the groups', () => {
    expect(orderedProfiles(profiles).map(profileKey)).toEqual([
      'system:system', 'system:alpha', 'system:gaming', 'home:alice', 'user:alice', 'user:zoe',
    ]);
  });
});

describe('adjacentKey', () => {
  const keys = ['a', 'b', 'c'];
  it('steps forwards and backwards', () => {
    expect(adjacentKey(keys, 'b', 1)).toBe('c');
    expect(adjacentKey(keys, 'b', -1)).toBe('a');
  });
  it('stops at the ends', () => {
    expect(adjacentKey(keys, 'c', 1)).toBe('c');
    expect(adjacentKey(keys, 'a', -1)).toBe('a');
  });
  it('starts at the first key when the current one is unknown', () => {
    expect(adjacentKey(keys, null, 1)).toBe('a');
    expect(adjacentKey(keys, 'zz', -1)).toBe('a');
    expect(adjacentKey([], 'a', 1)).toBeNull();
  });
});
