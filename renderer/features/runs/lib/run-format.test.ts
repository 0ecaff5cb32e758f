import { describe, expect, it } from 'vitest';
import { runSummary } from '../../../../test-support/contract-fixtures.ts';
import { exitText, formatDuration, generationReadyText, opensDiffByItself, runDiffPair, runElapsed, runLabel, runStartText, runStateWords } from './run-format.ts';

describe('formatDuration', () => {
  it('prints seconds, minutes with padded seconds, and hours with padded minutes', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(42_900)).toBe('42s');
    expect(formatDuration(185_000)).toBe('3m 05s');
    expect(formatDuration(3_720_000)).toBe('1h 02m');
  });
  it('says nothing sensible about negative or unknown durations', () => {
    expect(formatDuration(-1)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('runElapsed', () => {
  it('counts to the end of a finished run and to now for a running one', () => {
    const started = Date.parse('2025-06-01T10:00:00Z');
    expect(runElapsed({ started: '2025-06-01T10:00:00Z', ended: '2025-06-01T10:01:30Z' }, started + 999_999)).toBe(90_000);
    expect(runElapsed({ started: '2025-06-01T10:00:00Z', ended: null }, started + 5_000)).toBe(5_000);
  });
  it('is null when a date cannot be read, and never negative', () => {
    expect(runElapsed({ started: 'yesterday', ended: null }, 0)).toBeNull();
    expect(runElapsed({ started: '2025-06-01T10:00:00Z', ended: null }, 0)).toBe(0);
  });
});

describe('run words', () => {
  it('names states with a tone', () => {
    expect(runStateWords('running')).toEqual({ label: 'Running', tone: 'running' });
    expect(runStateWords('succeeded').tone).toBe('good');
    expect(runStateWords('failed').tone).toBe('bad');
    expect(runStateWords('stopped').label).toBe('Stopped');
  });
  it('shows the exit code only once the run ended', () => {
    expect(exitText({ state: 'running', exitCode: null })).toBe('');
    expect(exitText({ state: 'failed', exitCode: 1 })).toBe('exit 1');
    expect(exitText({ state: 'stopped', exitCode: null })).toBe('');
  });
  it('adds the mode to the title when there is one, and prints the start in a time zone', () => {
    expect(runLabel({ title: 'Rebuild the system', mode: 'boot' })).toBe('Rebuild the system (boot)');
    expect(runLabel({ title: 'Collect garbage', mode: null })).toBe('Collect garbage');
    expect(runStartText({ started: '2025-06-01T10:00:00Z' }, 'UTC')).toBe('2025-06-01 10:00');
    expect(runStartText({ started: 'soon' })).toBe('soon');
  });
});

describe('the diff of a run', () => {
  const made = { kind: 'system' as const, name: 'system', number: 43, previous: 42 };
  it('pairs the generation a successful run made with the one before', () => {
    expect(runDiffPair(runSummary({ state: 'succeeded', generation: made }))).toEqual({
      from: { kind: 'system', name: 'system', number: 42 },
      to: { kind: 'system', name: 'system', number: 43 },
    });
  });
  it('has no pair for a failed run, no generation, or no previous one', () => {
    expect(runDiffPair(runSummary({ state: 'failed', generation: made }))).toBeNull();
    expect(runDiffPair(runSummary({ state: 'succeeded', generation: null }))).toBeNull();
    expect(runDiffPair(runSummary({ state: 'succeeded', generation: { ...made, previous: null } }))).toBeNull();
  });
  it('opens by itself after switch and boot, not after test or build', () => {
    const run = runSummary({ recipe: 'rebuild-system', state: 'succeeded', generation: made });
    expect(opensDiffByItself({ ...run, mode: 'switch' })).toBe(true);
    expect(opensDiffByItself({ ...run, mode: 'boot' })).toBe(true);
    expect(opensDiffByItself({ ...run, mode: 'test' })).toBe(false);
    expect(opensDiffByItself({ ...run, mode: 'build' })).toBe(false);
    expect(opensDiffByItself({ ...run, mode: null, generation: { ...made, kind: 'home', name: 'home-manager' } })).toBe(true);
    expect(opensDiffByItself({ ...run, mode: 'switch', state: 'failed' })).toBe(false);
  });
  it('says which generation is ready', () => {
    expect(generationReadyText({ generation: made })).toBe('Generation 43 is ready');
    expect(generationReadyText({ generation: { ...made, kind: 'home' } })).toBe('Home generation 43 is ready');
    expect(generationReadyText({ generation: null })).toBeNull();
  });
});
