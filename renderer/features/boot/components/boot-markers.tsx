// The DEFAULT and NEXT BOOT markers of a boot entry, and the chip that says where a setting comes from.
import type { BootEntry } from '../../../../common/contract/index.ts';
import { isPinned, sourceExplanation, sourceWords, type BootSource } from '../lib/boot-wording.ts';

/** DEFAULT and NEXT BOOT for one entry (nothing when it is neither). */
export function BootMarkers({ entry, defaultSource }: { entry: Pick<BootEntry, 'isDefault' | 'isOneshot'>; defaultSource: BootSource | null }) {
  return (
    <>
      {entry.isOneshot && (
        <span className="badge badge-oneshot" data-marker="oneshot" title="Boots once at the next boot (LoaderEntryOneShot); after that the default boots again">
          NEXT BOOT
        </span>
      )}
      {entry.isDefault && (
        <span
          className={`badge badge-default${defaultSource && isPinned(defaultSource) ? ' is-pinned' : ''}`}
          data-marker="default"
          title={defaultSource ? `The default entry. ${sourceExplanation('default', defaultSource)}` : 'The default entry: no default is set, so systemd-boot boots the first entry of the menu'}
        >
          DEFAULT
        </span>
      )}
    </>
  );
}

/** Where a setting comes from, with the explanation (the EFI pin trap) as its tooltip. */
export function SourceChip({ setting, source }: { setting: 'default' | 'timeout'; source: BootSource }) {
  const pinned = isPinned(source);
  return (
    <span
      className={`source-chip${pinned ? ' is-pinned' : ''}`}
      tabIndex={0}
      title={sourceExplanation(setting, source)}
      aria-label={`from ${sourceWords(source)}: ${sourceExplanation(setting, source)}`}
      data-testid={`source-${setting}`}
      data-source={source}
    >
      {sourceWords(source)}
    </span>
  );
}
