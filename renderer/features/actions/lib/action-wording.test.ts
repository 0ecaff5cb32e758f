import { describe, it, expect } from 'vitest';
import { actionTitle, collectableText, confirmLabel, deleteButtonLabel, gcPreviewText, numberList, outcomeWords } from './action-wording.ts';

describe('action wording', () => {
  it('names the action on the confirm button', () => {
    expect(confirmLabel({ action: 'switch', generation: { kind: 'system', name: 'system', number: 41 }, mode: 'switch' })).toBe('Switch to #41');
    expect(confirmLabel({ action: 'switch', generation: { kind: 'system', name: 'system', number: 41 }, mode: 'boot' })).toBe('Boot into #41');
    expect(confirmLabel({ action: 'delete', kind: 'home', name: 'home-manager', numbers: [1] })).toBe('Delete 1 generation');
    expect(confirmLabel({ action: 'gc' })).toBe('Collect garbage');
    expect(actionTitle({ action: 'delete', kind: 'system', name: 'system', numbers: [1, 2] })).toBe('Delete 2 generations of system');
    expect(deleteButtonLabel(0)).toBe('Delete generations');
    expect(deleteButtonLabel(3)).toBe('Delete 3 generations');
  });

  it('says what becomes collectable and what a dry run would free', () => {
    expect(collectableText(1234, 3 * 1024 * 1024)).toBe('1,234 paths, 3.0 MiB become collectable');
    expect(gcPreviewText(1, 2048)).toBe('1 dead path, 2.0 KiB would be freed');
    expect(gcPreviewText(null, null)).toMatch(/did not say/);
  });

  it('words every outcome state', () => {
    expect(outcomeWords('done')).toEqual({ title: 'Done', tone: 'success' });
    expect(outcomeWords('cancelled').tone).toBe('warning');
    expect(outcomeWords('crashed').tone).toBe('error');
  });

  it('lists numbers', () => {
    expect(numberList([3])).toBe('#3');
    expect(numberList([3, 4, 7])).toBe('#3, #4 and #7');
  });
});
