// A diff row's kind as a coloured badge with a symbol and a word (never colour alone).
import type { DiffStatus } from '../../../../common/contract/index.ts';
import { KIND_INFO } from '../../../../common/diff-kinds.ts';

/** The symbol of a kind in a small coloured disc (hidden from screen readers: say the kind in text beside it). */
export function KindSymbol({ kind }: { kind: DiffStatus }) {
  return <span className={`kind-symbol kind-${kind}`} aria-hidden="true">{KIND_INFO[kind].symbol}</span>;
}

/** The kind badge of a table row: symbol and label, with the kind explained on hover. */
export function KindBadge({ kind }: { kind: DiffStatus }) {
  const info = KIND_INFO[kind];
  return (
    <span className={`kind-badge kind-${kind}`} title={info.help}>
      <KindSymbol kind={kind} />
      <span>{info.label}</span>
    </span>
  );
}
