// Pins wherever a package shows: a "pinned" badge coloured by its worst problem (diff rows, package
// lists), and the problem badges with their messages (Pins view, pin dialog).
import { memo, useMemo } from 'react';
import type { PinProblem, ProfileKind } from '../../../../common/contract/index.ts';
import { PROBLEM_LABELS, problemCount, problemsInOrder, worstSeverity } from '../lib/pin-format.ts';
import { pinsMatching, type PinMatch } from '../lib/pin-rules.ts';
import { usePins } from '../../../shared/stores/bound-stores.ts';

/** A small pushpin drawn inline (hidden from screen readers: the badge says "pinned" in text). */
export function PinIcon() {
  return (
    <svg className="icon pin-icon" viewBox="0 0 16 16" width="11" height="11" aria-hidden="true">
      <path d="M5 1.5h6l-1 1.2v3.6l2.5 2.7v1H8.7V15L8 15.8 7.3 15v-5H3.5V9l2.5-2.7V2.7z" fill="currentColor" />
    </svg>
  );
}

function matchTitle(match: PinMatch, kind: ProfileKind | null): string {
  const { target, pin, problems } = match;
  const lines = [`${pin.attr} is pinned to ${pin.version} in the overlay target “${target.name}” (${target.kind}).`];
  if (kind === 'user') lines.push('Per-user profiles are not built from that overlay.');
  if (problems.length === 0) lines.push('No problems.');
  for (const problem of problemsInOrder(problems)) lines.push(`${problem.severity === 'error' ? 'Error' : 'Warning'}: ${problem.message}`);
  return lines.join('\n');
}

/** One "pinned" badge for one matching pin. */
function PinBadge({ match, kind }: { match: PinMatch; kind: ProfileKind | null }) {
  const severity = worstSeverity(match.problems);
  return (
    <span
      className={`badge pin-badge pin-badge-${severity ?? 'ok'}`}
      title={matchTitle(match, kind)}
      data-testid="pin-badge"
      data-attr={match.pin.attr}
      data-target={match.target.name}
      data-version={match.pin.version}
      data-severity={severity ?? 'none'}
      data-problems={match.problems.length}
    >
      <PinIcon />
      pinned{match.problems.length > 0 && <span className="pin-badge-count">{match.problems.length}</span>}
      <span className="sr-only">{` to ${match.pin.version}, ${problemCount(match.problems.length)}`}</span>
    </span>
  );
}

/** The pins of a package name, as badges; nothing when it is not pinned. `kind`: the profile shown (null when unknown). */
export const PinBadges = memo(function PinBadges({ name, kind }: { name: string; kind: ProfileKind | null }) {
  const targets = usePins((state) => state.targets);
  const matches = useMemo(() => pinsMatching(targets, name, kind), [targets, name, kind]);
  if (matches.length === 0) return null;
  return <>{matches.map((match) => <PinBadge key={`${match.target.name}/${match.pin.attr}`} match={match} kind={kind} />)}</>;
});

/** One problem: a badge naming its kind, coloured by severity, and its message. */
export function ProblemItem({ problem }: { problem: PinProblem }) {
  return (
    <li className={`pin-problem pin-problem-${problem.severity}`} data-testid="pin-problem" data-kind={problem.kind} data-severity={problem.severity}>
      <span className={`badge problem-badge problem-${problem.severity}`} title={problem.severity === 'error' ? 'Error: this pin will not work as it is' : 'Warning: worth knowing'}>
        {PROBLEM_LABELS[problem.kind]}
      </span>
      <span className="pin-problem-message">{problem.message}</span>
    </li>
  );
}

/** Problems, errors first; nothing when there are none. */
export function ProblemList({ problems, label }: { problems: readonly PinProblem[]; label: string }) {
  if (problems.length === 0) return null;
  return (
    <ul className="pin-problems" aria-label={label}>
      {problemsInOrder(problems).map((problem, index) => <ProblemItem key={`${problem.kind}-${index}`} problem={problem} />)}
    </ul>
  );
}
