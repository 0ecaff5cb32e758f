import { describe, it, expect } from 'vitest';
import { profileAdvice } from './profile-advice.ts';
import { profile } from '../../../../test-support/contract-fixtures.ts';

describe('profileAdvice', () => {
  it('names the path and a way forward for an unreadable system profile', () => {
    const advice = profileAdvice(profile({ problem: 'directory does not exist', path: '/x/system' }));
    expect(advice).toContain('/x/system');
    expect(advice).toContain('--system-profile');
  });
  it('suggests home-manager switch for a missing home profile', () => {
    expect(profileAdvice(profile({ kind: 'home', name: 'alice', problem: 'missing' }))).toContain('home-manager switch');
  });
  it('says how to create the first generation of an empty profile', () => {
    expect(profileAdvice(profile({ kind: 'system', name: 'gaming' }))).toContain('--profile-name gaming');
    expect(profileAdvice(profile({ kind: 'user', name: 'bob' }))).toContain('nix profile install');
  });
});
