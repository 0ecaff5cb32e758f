import { describe, it, expect } from 'vitest';
import { indexAfterKey, rowsPerPage } from './list-keys.ts';

describe('indexAfterKey', () => {
  it('steps with the arrows and stops at the ends', () => {
    expect(indexAfterKey('ArrowDown', 3, 10, 5)).toBe(4);
    expect(indexAfterKey('ArrowDown', 9, 10, 5)).toBe(9);
    expect(indexAfterKey('ArrowUp', 3, 10, 5)).toBe(2);
    expect(indexAfterKey('ArrowUp', 0, 10, 5)).toBe(0);
  });
  it('jumps to the ends with Home and End', () => {
    expect(indexAfterKey('Home', 7, 10, 5)).toBe(0);
    expect(indexAfterKey('End', 2, 10, 5)).toBe(9);
  });
  it('pages by the page size, clamped', () => {
    expect(indexAfterKey('PageDown', 2, 100, 20)).toBe(22);
    expect(indexAfterKey('PageDown', 90, 100, 20)).toBe(99);
    expect(indexAfterKey('PageUp', 30, 100, 20)).toBe(10);
    expect(indexAfterKey('PageUp', 5, 100, 20)).toBe(0);
  });
  it('starts at the top when nothing is selected', () => {
    expect(indexAfterKey('ArrowDown', -1, 10, 5)).toBe(0);
    expect(indexAfterKey('ArrowUp', -1, 10, 5)).toBe(0);
    expect(indexAfterKey('PageDown', -1, 10, 5)).toBe(4);
  });
  it('pulls an out-of-range index back into the list', () => {
    expect(indexAfterKey('ArrowUp', 50, 10, 5)).toBe(8);
  });
  it('ignores other keys and empty lists', () => {
    expect(indexAfterKey('Enter', 3, 10, 5)).toBeNull();
    expect(indexAfterKey('ArrowDown', 0, 0, 5)).toBeNull();
  });
});

describe('rowsPerPage', () => {
  it('keeps one row of context', () => {
    expect(rowsPerPage(320, 32)).toBe(9);
  });
  it('is at least one', () => {
    expect(rowsPerPage(10, 32)).toBe(1);
    expect(rowsPerPage(100, 0)).toBe(1);
  });
});
