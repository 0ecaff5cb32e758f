import { describe, it, expect } from 'vitest';
import { packageDiff } from '../../../../test-support/contract-fixtures.ts';
import { previewRows } from './preview-rows.ts';

describe('previewRows', () => {
  it('lists selected packages first, then by kind and name, and counts the rest', () => {
    const rows = [
      packageDiff({ name: 'zlib', status: 'rebuilt', selected: 'none' }),
      packageDiff({ name: 'git', status: 'added', selected: 'after' }),
      packageDiff({ name: 'bash', status: 'upgraded', selected: 'none' }),
      packageDiff({ name: 'firefox', status: 'upgraded', selected: 'both' }),
    ];
    const { rows: shown, more } = previewRows(rows, 3);
    expect(shown.map((row) => row.name)).toEqual(['firefox', 'git', 'bash']);
    expect(more).toBe(1);
  });
});
