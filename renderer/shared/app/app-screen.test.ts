import { describe, it, expect } from 'vitest';
import type { Machine, ProfileList } from '../../../common/contract/index.ts';
import { pickScreen, profilesWithGenerations, type ScreenInputs } from './app-screen.ts';
import { generation, profile } from '../../../test-support/contract-fixtures.ts';

const nixos: Machine = { hasSystemProfile: true, systemProfile: '/nix/var/nix/profiles/system', demo: false, demoAvailable: true, demoUnavailableReason: null };
const bare: Machine = { ...nixos, hasSystemProfile: false };
const list: ProfileList = { profiles: [profile({ generations: [generation()] })], notices: [] };
const error = { code: 'unavailable' as const, message: 'down', hint: null };
const base: ScreenInputs = { machine: null, machineError: null, list: null, listError: null, showWithoutSystem: false };

describe('pickScreen', () => {
  it('loads until the machine is known', () => {
    expect(pickScreen(base)).toBe('loading');
    expect(pickScreen({ ...base, list })).toBe('loading');
  });
  it('shows the machine error', () => {
    expect(pickScreen({ ...base, machineError: error })).toBe('machine-error');
  });
  it('welcomes a machine without a system profile, even before the list arrives', () => {
    expect(pickScreen({ ...base, machine: bare })).toBe('welcome');
    expect(pickScreen({ ...base, machine: bare, list })).toBe('welcome');
  });
  it('shows generations of a demo machine or when the person asked to', () => {
    expect(pickScreen({ ...base, machine: { ...bare, demo: true }, list })).toBe('generations');
    expect(pickScreen({ ...base, machine: bare, list, showWithoutSystem: true })).toBe('generations');
  });
  it('waits for the list, or shows its error', () => {
    expect(pickScreen({ ...base, machine: nixos })).toBe('loading');
    expect(pickScreen({ ...base, machine: nixos, listError: error })).toBe('list-error');
    expect(pickScreen({ ...base, machine: nixos, list })).toBe('generations');
  });
  it('shows an open diff in place of the generations, never before the list has loaded', () => {
    expect(pickScreen({ ...base, machine: nixos, list, diffOpen: true })).toBe('diff');
    expect(pickScreen({ ...base, machine: nixos, diffOpen: true })).toBe('loading');
    expect(pickScreen({ ...base, machine: bare, list, diffOpen: true })).toBe('welcome');
  });
  it('keeps showing a loaded list when a reload fails', () => {
    expect(pickScreen({ ...base, machine: nixos, list, listError: error })).toBe('generations');
  });
});

describe('profilesWithGenerations', () => {
  it('counts profiles that have generations', () => {
    expect(profilesWithGenerations({ profiles: [profile(), profile({ generations: [generation()] })], notices: [] })).toBe(1);
    expect(profilesWithGenerations(null)).toBe(0);
  });
});
