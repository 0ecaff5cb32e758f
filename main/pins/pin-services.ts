// Pins: overlay targets, pins.json, previews and suggestions. (Issue 7; being built.)
import type { GentryHandlers } from '../../common/contract.ts';
import { GentryError } from '../errors.ts';
import type { ServiceDeps } from '../service-deps.ts';

/** The handlers for pins. */
export function pinHandlers(_deps: ServiceDeps): Pick<GentryHandlers, 'pinTargets' | 'previewPin' | 'addPin' | 'removePin' | 'pinSuggestions'> {
  const notYet = async (): Promise<never> => {
    throw new GentryError('unavailable', 'Pins are not built yet.', null);
  };
  return { pinTargets: notYet, previewPin: notYet, addPin: notYet, removePin: notYet, pinSuggestions: notYet };
}
