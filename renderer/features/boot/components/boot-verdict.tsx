// The boot view's first line: which entry the next boot starts and whether it can boot; a red banner with
// the way out when it cannot.
import type { BootMenu } from '../../../../common/contract/index.ts';
import { bootVerdict } from '../lib/boot-verdict.ts';
import { entryName } from '../lib/boot-rows.ts';
import { useBoot } from '../../../shared/stores/bound-stores.ts';

const VIA = { oneshot: 'once, as the one-shot entry', default: 'as the default', first: 'as the first entry (no default names an entry)', none: '' } as const;

/** The verdict banner. */
export function BootVerdictBanner({ menu }: { menu: BootMenu }) {
  const select = useBoot((state) => state.select);
  const verdict = bootVerdict(menu);
  if (!verdict.entry) return null;
  const name = entryName(verdict.entry);
  if (verdict.problems.length === 0) {
    return (
      <div className="banner banner-info boot-verdict" role="status" data-testid="boot-verdict" data-state="ok" data-entry={verdict.entry.id}>
        <p className="banner-text">
          <strong>Next boot: {name}</strong>, {VIA[verdict.via]}. Every file it names is on the ESP.
        </p>
      </div>
    );
  }
  const fix = verdict.via === 'oneshot'
    ? 'Clear the next boot above, so the default boots instead'
    : verdict.fallback
      ? `Select ${entryName(verdict.fallback)} (the first entry that can boot) and make it the default, or rebuild in boot mode from the Rebuild view so NixOS writes the files again`
      : 'Rebuild in boot mode from the Rebuild view so NixOS writes the entries and their files again';
  return (
    <div className="banner banner-error boot-verdict" role="alert" data-testid="boot-verdict" data-state="broken" data-entry={verdict.entry.id}>
      <div className="banner-text">
        <p><strong>The next boot will fail: {name}</strong> ({VIA[verdict.via]}) cannot boot.</p>
        <ul className="boot-verdict-problems">
          {verdict.problems.map((problem, index) => <li key={index} data-kind={problem.kind}>{problem.message}</li>)}
        </ul>
        <p data-testid="boot-verdict-fix">
          {fix}.{' '}
          {verdict.fallback && verdict.via !== 'oneshot' && (
            <button type="button" className="button button-small" data-testid="boot-verdict-select" onClick={() => select(verdict.fallback?.id ?? '')}>
              Select {entryName(verdict.fallback)}
            </button>
          )}
        </p>
      </div>
    </div>
  );
}
