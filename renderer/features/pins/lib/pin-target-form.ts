// The inline "Add a target" form of the Pins view: checking what was typed, and the settings with the
// new overlay target appended (the settings file itself is checked again by Gentry when it is saved).
import { OverlayTargetSchema, type OverlayTarget, type Settings } from '../../../../common/contract/index.ts';

/** What the form holds while it is being filled. */
export type TargetDraft = { name: string; path: string; kind: OverlayTarget['kind'] };

/** Why a draft cannot be saved yet, or null when it can. */
export function draftProblem(draft: TargetDraft, existing: readonly OverlayTarget[]): string | null {
  const name = draft.name.trim();
  const path = draft.path.trim();
  if (name === '') return 'Give the target a name.';
  if (!/^[A-Za-z0-9_.-]+$/.test(name) || name.length > 64) return 'A name uses letters, digits, ".", "_" and "-" only (at most 64).';
  if (path === '') return 'Say which directory holds the overlay.';
  if (!path.startsWith('/') && !path.startsWith('~/')) return 'The directory is an absolute path (or starts with ~/).';
  if (existing.some((target) => target.name === name)) return `A target named "${name}" exists already.`;
  if (existing.some((target) => target.path === path)) return `A target uses ${path} already.`;
  return null;
}

/** The draft as an overlay target (trimmed), or null when it is not valid. */
export function draftTarget(draft: TargetDraft): OverlayTarget | null {
  const parsed = OverlayTargetSchema.safeParse({ name: draft.name.trim(), path: draft.path.trim(), kind: draft.kind });
  return parsed.success ? parsed.data : null;
}

/** The settings with `target` appended to the overlay targets. */
export function settingsWithTarget(settings: Settings, target: OverlayTarget): Settings {
  return { ...settings, overlayTargets: [...settings.overlayTargets, target] };
}
