// The settings form as text fields, and turning it back into settings checked with the contract's own schema:
// every problem keyed by the field it belongs to, in words a person can act on.
import type { z } from 'zod';
import { type OverlayTarget, type Settings, SettingsSchema } from '../../../../common/contract/index.ts';

/** One overlay target as the form holds it; `key` tells rows apart while they are edited. */
export type TargetDraft = { key: number; name: string; path: string; kind: OverlayTarget['kind'] };

/** The settings as the form holds them: text as typed. */
export type SettingsDraft = {
  systemFlake: string;
  homeFlake: string;
  nixpkgsGit: string;
  runHistoryLimitMiB: string;
  overlayTargets: TargetDraft[];
};

/** Problems by field: `systemFlake`, `runHistoryLimitMiB`, `overlayTargets.2.name`, `overlayTargets`, … */
export type FieldErrors = Readonly<Record<string, string>>;

/** What checking a draft gives: the settings to save, or the problems to show. */
export type DraftCheck = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

let nextKey = 1;

/** A fresh key for a target row. */
export function targetKey(): number {
  return nextKey++;
}

/** The form's text for saved settings. */
export function draftFromSettings(settings: Settings): SettingsDraft {
  return {
    systemFlake: settings.systemFlake ?? '',
    homeFlake: settings.homeFlake ?? '',
    nixpkgsGit: settings.nixpkgsGit ?? '',
    runHistoryLimitMiB: String(settings.runHistoryLimitMiB),
    overlayTargets: settings.overlayTargets.map((target) => ({ key: targetKey(), ...target })),
  };
}

/** A new, empty target row. */
export function emptyTarget(kind: OverlayTarget['kind'] = 'system'): TargetDraft {
  return { key: targetKey(), name: '', path: '', kind };
}

function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function limitNumber(text: string): number {
  const trimmed = text.trim();
  return /^[0-9]+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The settings a draft stands for, before any check (blank text is "not set"). */
export function settingsFromDraft(draft: SettingsDraft): Settings {
  return {
    version: 1,
    systemFlake: optional(draft.systemFlake),
    homeFlake: optional(draft.homeFlake),
    nixpkgsGit: optional(draft.nixpkgsGit),
    runHistoryLimitMiB: limitNumber(draft.runHistoryLimitMiB),
    overlayTargets: draft.overlayTargets.map((target) => ({ name: target.name.trim(), path: target.path.trim(), kind: target.kind })),
  };
}

function words(field: string, issue: z.core.$ZodIssue): string {
  const generic = field.replace(/^overlayTargets\.[0-9]+\./, 'target.');
  switch (generic) {
    case 'systemFlake':
    case 'homeFlake':
      return issue.code === 'too_big' ? 'A flake reference is at most 4096 characters.' : `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`;
    case 'nixpkgsGit':
      return 'A directory path is at most 4096 characters.';
    case 'runHistoryLimitMiB':
      return 'A whole number of MiB, from 1 to 100000.';
    case 'target.name':
      return issue.code === 'too_small' ? 'A target needs a name.' : 'Letters, digits, ".", "_" and "-" only, at most 64 of them.';
    case 'target.path':
      return issue.code === 'too_small' ? 'A target needs a directory.' : 'A directory path is at most 4096 characters.';
    case 'overlayTargets':
      return 'At most 32 overlay targets.';
    default:
      return issue.message;
  }
}

/** Checks a draft with the contract's SettingsSchema, and that no two targets share a name or a directory (as Gentry does when saving). */
export function checkDraft(draft: SettingsDraft): DraftCheck {
  const settings = settingsFromDraft(draft);
  const errors: Record<string, string> = {};
  const parsed = SettingsSchema.safeParse(settings);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      errors[field] ??= words(field, issue);
    }
  }
  const names = new Map<string, number>();
  const paths = new Map<string, number>();
  settings.overlayTargets.forEach((target, index) => {
    if (target.name !== '' && names.has(target.name)) errors[`overlayTargets.${index}.name`] ??= 'Another target has this name.';
    if (target.path !== '' && paths.has(target.path)) errors[`overlayTargets.${index}.path`] ??= 'Another target uses this directory.';
    names.set(target.name, index);
    paths.set(target.path, index);
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: parsed.success ? parsed.data : settings };
}

/** True when two settings say the same thing (the form has nothing to save). */
export function sameSettings(a: Settings, b: Settings): boolean {
  const targets = (list: readonly OverlayTarget[]) => list.map((t) => `${t.kind}\u0000${t.name}\u0000${t.path}`).join('\u0001');
  return a.systemFlake === b.systemFlake
    && a.homeFlake === b.homeFlake
    && a.nixpkgsGit === b.nixpkgsGit
    && a.runHistoryLimitMiB === b.runHistoryLimitMiB
    && targets(a.overlayTargets) === targets(b.overlayTargets);
}

/** The text of the field an error is keyed by ('' for a whole-list error). */
function fieldText(draft: SettingsDraft, field: string): string {
  const target = /^overlayTargets\.([0-9]+)\.(name|path)$/.exec(field);
  if (target) {
    const row = draft.overlayTargets[Number(target[1])];
    return row ? row[target[2] as 'name' | 'path'] : '';
  }
  switch (field) {
    case 'systemFlake':
    case 'homeFlake':
    case 'nixpkgsGit':
    case 'runHistoryLimitMiB':
      return draft[field];
    default:
      return '';
  }
}

/**
 * The errors to show: while the person types, only those of fields holding text (a blank new row is not yet
 * a mistake); after they pressed Save, all of them.
 */
export function visibleErrors(draft: SettingsDraft, errors: FieldErrors, attempted: boolean): FieldErrors {
  if (attempted) return errors;
  const shown: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    if (fieldText(draft, field).trim() !== '') shown[field] = message;
  }
  return shown;
}
