import { describe, expect, it } from 'vitest';
import { progress } from '../../../../test-support/contract-fixtures.ts';
import { buildFraction, buildsText, downloadsText, hasProgress, phaseText, shortBuildName, stripAnsi } from './progress-summary.ts';

describe('progress summary', () => {
  it('fills the bar with finished builds (failed ones too) over expected, capped at 1', () => {
    expect(buildFraction(progress())).toBe(0);
    expect(buildFraction(progress({ builds: { done: 1, expected: 4, running: 1, failed: 1 } }))).toBe(0.5);
    expect(buildFraction(progress({ builds: { done: 9, expected: 4, running: 0, failed: 0 } }))).toBe(1);
  });
  it('words the builds', () => {
    expect(buildsText(progress())).toBe('nothing to build yet');
    expect(buildsText(progress({ builds: { done: 3, expected: 7, running: 2, failed: 0 } }))).toBe('3 of 7 built');
    expect(buildsText(progress({ builds: { done: 7, expected: 7, running: 0, failed: 0 } }))).toBe('7 built');
  });
  it('words the downloads with their bytes', () => {
    expect(downloadsText(progress())).toBe('none');
    expect(downloadsText(progress({ downloads: { done: 2, expected: 5, bytes: 3 * 1024 * 1024 } }))).toBe('2 of 5 downloaded, 3.0 MiB');
    expect(downloadsText(progress({ downloads: { done: 5, expected: 5, bytes: 512 } }))).toBe('5 downloaded, 512 B');
  });
  it('shortens derivation paths to the name a person reads', () => {
    expect(shortBuildName('/nix/store/0123456789abcdfghijklmnpqrsvwxyz-hello-2.12.drv')).toBe('hello-2.12');
    expect(shortBuildName('hello-2.12')).toBe('hello-2.12');
  });
  it('words phases', () => {
    expect(phaseText('buildPhase')).toBe('build');
    expect(phaseText('installPhase')).toBe('install');
    expect(phaseText(null)).toBe('starting');
    expect(phaseText('Phase')).toBe('Phase');
  });
  it('knows when there is something to show', () => {
    expect(hasProgress(progress())).toBe(false);
    expect(hasProgress(progress({ builds: { done: 0, expected: 1, running: 0, failed: 0 } }))).toBe(true);
    expect(hasProgress(progress({ errors: ['boom'] }))).toBe(true);
  });
  it('strips colour and title sequences from error text', () => {
    expect(stripAnsi('\x1b[31;1merror:\x1b[0m builder for \x1b]0;title\x07x failed')).toBe('error: builder for x failed');
  });
});
