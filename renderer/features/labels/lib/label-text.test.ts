import { describe, it, expect } from 'vitest';
import { draftDiffers, labelTooltip, labelledDeleteText, readLabelDraft, shortLabel } from './label-text.ts';

describe('label drafts', () => {
  it('trims the label, drops an empty note, and clears with an empty label', () => {
    expect(readLabelDraft('  last good  ', '')).toEqual({ ok: true, value: { label: 'last good', note: null } });
    expect(readLabelDraft('last good', 'before KiCad 9')).toEqual({ ok: true, value: { label: 'last good', note: 'before KiCad 9' } });
    expect(readLabelDraft('   ', '  ')).toEqual({ ok: true, value: { label: null, note: null } });
  });

  it('refuses a note without a label and labels that are too long', () => {
    expect(readLabelDraft('', 'a note')).toMatchObject({ ok: false, problem: expect.stringMatching(/needs a label/) });
    expect(readLabelDraft('x'.repeat(201), '')).toMatchObject({ ok: false });
    expect(readLabelDraft('x'.repeat(200), '')).toMatchObject({ ok: true });
    expect(readLabelDraft('x', 'y'.repeat(4001))).toMatchObject({ ok: false });
  });

  it('knows when a draft changes nothing', () => {
    expect(draftDiffers({ label: 'a', note: null }, { label: 'a', note: null })).toBe(false);
    expect(draftDiffers({ label: 'a', note: 'n' }, { label: 'a', note: null })).toBe(true);
    expect(draftDiffers({ label: null, note: null }, { label: 'a', note: 'n' })).toBe(true);
    expect(draftDiffers({ label: null, note: null }, { label: null, note: null })).toBe(false);
  });
});

describe('label words', () => {
  it('puts the note under the label in tooltips and shortens long labels', () => {
    expect(labelTooltip('last good', null)).toBe('last good');
    expect(labelTooltip('last good', 'KiCad 8')).toBe('last good\n\nKiCad 8');
    expect(shortLabel('last good before the KiCad update', 12)).toBe('last good b…');
    expect(shortLabel('short', 12)).toBe('short');
  });

  it('names each labelled generation in the second confirmation', () => {
    expect(labelledDeleteText([{ number: 12, label: 'last good before the KiCad update' }])).toBe('Also delete labelled generation 12 ‘last good before the KiCad update’');
    expect(labelledDeleteText([{ number: 3, label: 'a' }, { number: 4, label: 'b' }, { number: 9, label: 'c' }])).toBe('Also delete labelled generations 3 ‘a’, 4 ‘b’ and 9 ‘c’');
  });
});
