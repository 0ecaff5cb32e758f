// The cost of the pin the dialog shows (issue 16): asked once per attribute, source and revision, the
// newest question's answer kept. Until it is known, or its unknown-ness explained, the dialog's Pin
// waits (`settled`).
import { createStore } from 'zustand/vanilla';
import type { GentryApi, GentryErrorShape, Pin, PinCostInfo } from '../../../../common/contract/index.ts';
import { settle } from '../../../shared/lib/settle.ts';

/** The calls this store uses. */
export type PinCostApi = Pick<GentryApi, 'pinCost'>;

/** What a pin's cost is about: the fields of the entry that decide it. */
export type PinCostSubject = Pick<Pin, 'attr' | 'source' | 'rev' | 'narHash'>;

/** The key of a subject; two entries with the same key cost the same. */
export function pinCostKey(s: PinCostSubject): string {
  return `${s.attr} ${s.source} ${s.rev} ${s.narHash ?? ''}`;
}

/** One question and where its answer is. */
export type PinCostEntry = { key: string; checking: boolean; cost: PinCostInfo | null; error: GentryErrorShape | null };

/** What the pin-cost store holds and can do. */
export type PinCostState = {
  /** The newest question; null before any. */
  current: PinCostEntry | null;
  /** Asks what `subject` would cost (again only when it is another subject than the newest, or that one failed). */
  ask(subject: PinCostSubject): Promise<void>;
};

/** True when the answer for `subject` is in: a cost, a "not checked" with its reason, or the call's error. */
export function costSettled(state: Pick<PinCostState, 'current'>, subject: PinCostSubject | null): boolean {
  if (subject === null) return false;
  const c = state.current;
  return c !== null && c.key === pinCostKey(subject) && !c.checking;
}

/** Creates the pin-cost store. */
export function createPinCostStore(api: PinCostApi) {
  return createStore<PinCostState>()((set, get) => ({
    current: null,
    async ask(subject) {
      const key = pinCostKey(subject);
      const now = get().current;
      if (now && now.key === key && (now.checking || now.cost !== null)) return;
      set({ current: { key, checking: true, cost: null, error: null } });
      const result = await settle(api.pinCost({ attr: subject.attr, source: subject.source, rev: subject.rev, narHash: subject.narHash }));
      if (get().current?.key !== key) return; // another question came meanwhile: its answer counts
      set({ current: result.ok ? { key, checking: false, cost: result.value, error: null } : { key, checking: false, cost: null, error: result.error } });
    },
  }));
}
