// The words and numbers of a run: how long it took, how its state reads, and the diff a finished run leads to.
import type { RunSummary } from '../../../../common/contract/index.ts';
import type { DiffPair } from '../../diff/lib/diff-pairs.ts';
import { formatAbsolute, parseGenerationDate } from '../../../shared/lib/format-date.ts';

/** A run's state. */
export type RunState = RunSummary['state'];

/** Formats a duration in milliseconds: "0s", "42s", "3m 05s", "1h 02m". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** How long a run took (or has taken so far, given `now` in epoch ms); null when its dates cannot be read. */
export function runElapsed(run: Pick<RunSummary, 'started' | 'ended'>, now: number): number | null {
  const started = parseGenerationDate(run.started);
  if (started === null) return null;
  const ended = run.ended === null ? now : parseGenerationDate(run.ended);
  if (ended === null) return null;
  return Math.max(0, ended - started);
}

/** When a run started, as "2025-06-15 14:03" in local time (the raw text when it is not a date). */
export function runStartText(run: Pick<RunSummary, 'started'>, timeZone?: string): string {
  const ms = parseGenerationDate(run.started);
  return ms === null ? run.started : formatAbsolute(ms, timeZone).slice(0, 16);
}

/** What a run's state is called, and the tone its badge takes. */
export function runStateWords(state: RunState): { label: string; tone: 'running' | 'good' | 'bad' | 'quiet' } {
  switch (state) {
    case 'running':
      return { label: 'Running', tone: 'running' };
    case 'succeeded':
      return { label: 'Succeeded', tone: 'good' };
    case 'failed':
      return { label: 'Failed', tone: 'bad' };
    case 'stopped':
      return { label: 'Stopped', tone: 'quiet' };
  }
}

/** A run's exit as words: "exit 0", "exit 1", or "" while it runs or when no code is known. */
export function exitText(run: Pick<RunSummary, 'exitCode' | 'state'>): string {
  if (run.state === 'running' || run.exitCode === null) return '';
  return `exit ${run.exitCode}`;
}

/** A run's title with its mode when the recipe has one ("Rebuild the system (boot)"). */
export function runLabel(run: Pick<RunSummary, 'title' | 'mode'>): string {
  return run.mode === null ? run.title : `${run.title} (${run.mode})`;
}

/** The diff a finished run leads to: the generation it made against the one before it; null when there is none. */
export function runDiffPair(run: Pick<RunSummary, 'state' | 'generation'>): DiffPair | null {
  const generation = run.generation;
  if (run.state !== 'succeeded' || generation === null || generation.previous === null) return null;
  if (generation.previous === generation.number) return null;
  const ref = (number: number) => ({ kind: generation.kind, name: generation.name, number });
  return { from: ref(generation.previous), to: ref(generation.number) };
}

/**
 * True when the diff of a finished run opens by itself: it made a new generation current (or the one to boot).
 * `test` and `build` make no generation; their diff, should one ever come, waits for the person to ask.
 */
export function opensDiffByItself(run: Pick<RunSummary, 'state' | 'generation' | 'mode'>): boolean {
  return runDiffPair(run) !== null && run.mode !== 'test' && run.mode !== 'build';
}

/** The sentence shown when a run made a generation: "Generation 43 is ready — see what changed". */
export function generationReadyText(run: Pick<RunSummary, 'generation'>): string | null {
  const generation = run.generation;
  if (generation === null) return null;
  const whose = generation.kind === 'home' ? 'Home generation' : generation.kind === 'user' ? `Generation of ${generation.name}` : 'Generation';
  return `${whose} ${generation.number} is ready`;
}
