import { describe, it, expect } from 'vitest';
import { shortRevision } from './revision.ts';

describe('shortRevision', () => {
  it('shortens a full git revision', () => {
    expect(shortRevision('a1b2c3d4e5f60718293a4b5c6d7e8f9012345678')).toBe('a1b2c3d');
  });
  it('keeps anything that is not a full revision', () => {
    expect(shortRevision('a1b2c3d')).toBe('a1b2c3d');
    expect(shortRevision('dirty')).toBe('dirty');
  });
});
