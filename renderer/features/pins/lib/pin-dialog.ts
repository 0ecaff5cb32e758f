// The pin dialog's state: which attribute, version, generation and target, the reason, the preview
// Gentry answered, and where the dialog is. Pure; the pins store drives it.
import type { CallInput, GentryErrorShape, Pin, PinProblem, PinTarget } from '../../../../common/contract/index.ts';
import { targetsForKind, type PinRequest } from './pin-rules.ts';

/** What `previewPin` answers: the entry as it will be written, the whole file, and what is wrong. */
export type PinPreview = { entry: Pin; pinsJson: string; problems: PinProblem[] };

/**
 * Where the dialog is (its `data-state`): `targets` (the overlay targets are being listed), `no-target`
 * (none serves this kind of profile), `previewing`, `ready` (a preview, or the reason it failed, shows),
 * `saving` (addPin runs), `done` (pinned).
 */
export type PinDialogPhase = 'targets' | 'no-target' | 'previewing' | 'ready' | 'saving' | 'done';

/** Everything the pin dialog shows. */
export type PinDialogState = {
  request: PinRequest;
  /** The attribute to pin (starts as the package's name; the person may correct it). */
  attr: string;
  /** Index into `request.choices`. */
  choice: number;
  /** The chosen target's name; null while none is known. */
  target: string | null;
  reason: string;
  phase: PinDialogPhase;
  preview: PinPreview | null;
  /** Why the preview or the pinning failed. */
  error: GentryErrorShape | null;
  /** The target as it is after pinning (phase `done`). */
  saved: PinTarget | null;
};

/** The longest attribute and reason the contract takes. */
export const ATTR_MAX = 200;
export const REASON_MAX = 1000;

/** A dialog that has just opened for `request`, waiting for the targets. */
export function openPinDialog(request: PinRequest): PinDialogState {
  return { request, attr: request.attr, choice: 0, target: null, reason: '', phase: 'targets', preview: null, error: null, saved: null };
}

/** Why the attribute cannot be asked about, or null when it can. */
export function attrProblem(attr: string): string | null {
  const trimmed = attr.trim();
  if (trimmed === '') return 'Say which nixpkgs attribute to pin.';
  if (trimmed.length > ATTR_MAX) return `An attribute is at most ${ATTR_MAX} characters.`;
  if (!/^[A-Za-z_][A-Za-z0-9_'.+-]*$/.test(trimmed)) return 'An attribute is a Nix attribute path, like kicad or python3Packages.requests.';
  return null;
}

/** The kind of profile the chosen generation belongs to. */
export function dialogKind(state: Pick<PinDialogState, 'request' | 'choice'>): PinTarget['kind'] | null {
  const kind = state.request.choices[state.choice]?.generation.kind;
  return kind === 'system' || kind === 'home' ? kind : null;
}

/**
 * The target a dialog starts with among `targets`: the one already pinning this attribute (a new pin
 * replaces the old one there), else the first of the right kind; null when none serves the kind.
 */
export function defaultTarget(state: Pick<PinDialogState, 'request' | 'choice' | 'attr'>, targets: readonly PinTarget[]): string | null {
  const kind = dialogKind(state);
  if (kind === null) return null;
  const candidates = targetsForKind(targets, kind);
  const pinning = candidates.find((target) => target.pins.some((pin) => pin.attr === state.attr.trim()));
  return (pinning ?? candidates[0])?.name ?? null;
}

/** The dialog once the targets are known: a target picked (keeping a still valid choice), or `no-target`. */
export function withTargets(state: PinDialogState, targets: readonly PinTarget[]): PinDialogState {
  const kind = dialogKind(state);
  const valid = kind !== null && state.target !== null && targetsForKind(targets, kind).some((t) => t.name === state.target);
  const target = valid ? state.target : defaultTarget(state, targets);
  if (target === null) return { ...state, target: null, phase: 'no-target', preview: null, error: null };
  return { ...state, target, phase: 'previewing', preview: null, error: null };
}

/** The input of previewPin and addPin for the dialog as it stands; null when it cannot be asked yet. */
export function pinInput(state: PinDialogState): CallInput<'previewPin'> | null {
  const choice = state.request.choices[state.choice];
  if (!choice || state.target === null || attrProblem(state.attr) !== null) return null;
  const input: CallInput<'previewPin'> = { target: state.target, attr: state.attr.trim(), fromGeneration: choice.generation };
  if (choice.version !== null) input.version = choice.version;
  const reason = state.reason.trim().slice(0, REASON_MAX);
  if (reason !== '') input.reason = reason;
  return input;
}

/** True when the preview found an error-severity problem: Gentry refuses to write such a pin. */
export function hasBlockingProblems(state: Pick<PinDialogState, 'preview'>): boolean {
  return state.preview?.problems.some((problem) => problem.severity === 'error') ?? false;
}

/** True when the dialog can pin now: a preview without errors shows for exactly what would be written. */
export function canPin(state: PinDialogState): boolean {
  return state.phase === 'ready' && state.preview !== null && !hasBlockingProblems(state) && pinInput(state) !== null;
}

/** True when the dialog may be closed now (not while pins.json is being written). */
export function canClosePin(state: PinDialogState): boolean {
  return state.phase !== 'saving';
}
