// main/settings/: Gentry's settings (config.json).
// Gentry's settings: `~/.config/gentry/config.json`, checked against the contract's schema,
// written atomically. A missing file is the defaults; a malformed one is an error that says where.
import { join } from 'node:path';
import { z } from 'zod';
import { type Settings, SettingsSchema } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { readTextFile, writeStateFile } from '../infra/state-file.ts';

/** The settings a fresh install starts with. */
export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  systemFlake: null,
  homeFlake: null,
  nixpkgsGit: null,
  overlayTargets: [],
  runHistoryLimitMiB: 200,
};

/** The settings file inside a config directory. */
export function settingsFile(configDir: string): string {
  return join(configDir, 'config.json');
}

/** Reads the settings; the defaults when the file does not exist. */
export async function readSettings(configDir: string): Promise<Settings> {
  const file = settingsFile(configDir);
  const text = await readTextFile(file);
  if (text === null) return DEFAULT_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new GentryError('bad-input', `${file} is not JSON: ${(err as Error).message}`, 'Fix the file by hand, or move it away to start from the defaults.');
  }
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) throw new GentryError('bad-input', `${file} is not valid: ${z.prettifyError(parsed.error)}`, 'Fix the file by hand, or move it away to start from the defaults.');
  return parsed.data;
}

/** Checks and writes the settings; two overlay targets may not share a name or a path. */
export async function writeSettings(configDir: string, settings: Settings): Promise<Settings> {
  const checked = SettingsSchema.parse(settings);
  const names = new Set<string>();
  const paths = new Set<string>();
  for (const t of checked.overlayTargets) {
    if (names.has(t.name)) throw new GentryError('bad-input', `two overlay targets are named ${JSON.stringify(t.name)}`, 'Give each target its own name.');
    if (paths.has(t.path)) throw new GentryError('bad-input', `two overlay targets use ${t.path}`, 'Each target needs its own directory.');
    names.add(t.name);
    paths.add(t.path);
  }
  await writeStateFile(settingsFile(configDir), `${JSON.stringify(checked, null, 2)}\n`);
  return checked;
}
