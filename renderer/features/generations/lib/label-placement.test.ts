import { describe, it, expect } from 'vitest';
import { columnsFor } from './columns.ts';
import { generation } from '../../../../test-support/contract-fixtures.ts';
import { labelField } from './label-placement.ts';

describe('where the label chip goes', () => {
  it('uses the widest text column each kind of profile shows', () => {
    expect(labelField(columnsFor('system', [generation({ nixosVersion: '25.05' })]))).toBe('nixosVersion');
    expect(labelField(columnsFor('home', [generation()]))).toBe('homeManagerVersion');
    expect(labelField(columnsFor('user', [generation()]))).toBe('packages');
    expect(labelField([{ field: 'number', label: '#', track: '3rem' }, { field: 'date', label: 'Built', track: '1fr' }])).toBe('date');
    expect(labelField([])).toBeNull();
  });
});
