// The boot menu's changes: previews, the helper's boot verbs, entry texts. (Issue 5; being built.)
import type { GentryHandlers } from '../../common/contract.ts';
import { GentryError } from '../errors.ts';
import type { ServiceDeps } from '../service-deps.ts';

/** The handlers for boot changes. */
export function bootHandlers(_deps: ServiceDeps): Pick<GentryHandlers, 'previewBootChange' | 'changeBoot' | 'bootEntryText'> {
  const notYet = async (): Promise<never> => {
    throw new GentryError('unavailable', 'Changing the boot menu is not built yet.', null);
  };
  return { previewBootChange: notYet, changeBoot: notYet, bootEntryText: notYet };
}
