// The one contract: every call and event the UI can use, declared once with zod schemas, one file per
// domain. The Electron door, the web door and the in-process door all serve exactly this.
import type { z } from 'zod';
import { actionCalls, actionEvents } from './actions.ts';
import { bootCalls } from './boot.ts';
import { diffCalls } from './diff.ts';
import type { GentryErrorShape } from './errors.ts';
import { generationCalls, generationEvents } from './generations.ts';
import { guixCalls } from './guix.ts';
import { historyCalls } from './history.ts';
import { labelCalls } from './labels.ts';
import { pathCalls } from './path.ts';
import { pinCalls } from './pins.ts';
import { pinCostCalls } from './pin-cost.ts';
import { runCalls, runEvents } from './runs.ts';
import { settingsCalls } from './settings.ts';

export * from './actions.ts';
export * from './boot.ts';
export * from './diff.ts';
export * from './errors.ts';
export * from './generations.ts';
export * from './guix.ts';
export * from './history.ts';
export * from './labels.ts';
export * from './path.ts';
export * from './pins.ts';
export * from './pin-cost.ts';
export * from './runs.ts';
export * from './settings.ts';
export * from './utf8-length.ts';

/** Every call: its input and output schemas. */
export const calls = {
  ...generationCalls,
  ...diffCalls,
  ...actionCalls,
  ...bootCalls,
  ...labelCalls,
  ...settingsCalls,
  ...runCalls,
  ...pinCalls,
  ...pinCostCalls,
  ...historyCalls,
  ...guixCalls,
  ...pathCalls,
} as const;

/** Every event main pushes to the UI: its payload schema. */
export const events = {
  ...generationEvents,
  ...actionEvents,
  ...runEvents,
} as const;

export type CallName = keyof typeof calls;
export type EventName = keyof typeof events;
export type CallInput<K extends CallName> = z.input<(typeof calls)[K]['input']>;
export type CallOutput<K extends CallName> = z.infer<(typeof calls)[K]['output']>;
export type EventPayload<K extends EventName> = z.infer<(typeof events)[K]>;

/** The names of every call, in declaration order (used by the doors' registration loops). */
export const callNames = Object.keys(calls) as CallName[];
/** The names of every event. */
export const eventNames = Object.keys(events) as EventName[];

/** What a door returns for one call: a value or a typed error. */
export type CallResult<K extends CallName> =
  | { ok: true; value: CallOutput<K> }
  | { ok: false; error: GentryErrorShape };

/** The API the renderer sees (window.gentry in Electron, the WebSocket client in a browser). */
export type GentryApi = {
  [K in CallName]: (input: CallInput<K>) => Promise<CallResult<K>>;
} & {
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Who made a call: the door gives each window, socket or process its own client ID. */
export interface Caller {
  client: string;
}

/** The object main implements: one async function per call. */
export type GentryHandlers = {
  [K in CallName]: (input: z.infer<(typeof calls)[K]['input']>, caller: Caller) => Promise<CallOutput<K>>;
};
