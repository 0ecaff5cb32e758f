// systemd-boot's menu as NixOS writes it (nix-formats.md §3): loader.conf, loader/entries/*.conf,
// the order systemd-boot sorts them in, and which NixOS generation each entry boots.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readTextFile } from '../infra/state-file.ts';
import { strverscmp } from './strverscmp.ts';

/** One parsed entry file. */
export interface EntryFile {
  /** The entry's ID as systemd-boot and bootctl name it: the file name without a boot-counting suffix. */
  id: string;
  keys: Map<string, string[]>;
  /** The file's name in loader/entries (differs from the ID when it carries a boot counter). */
  file?: string;
  /** Boot counting (`NAME+LEFT[-DONE].conf`): the tries left and done (null: the name says none), or null when the name has no counter. */
  tries?: { left: number; done: number | null } | null;
}

/** The keys systemd-boot reads once: a repeated one keeps its last value (options add up, initrd and devicetree-overlay are lists). */
export function lastValue(keys: Map<string, string[]>, key: string): string | null {
  return keys.get(key)?.at(-1) ?? null;
}

/**
 * An entry file name split as systemd-boot splits it (boot counting, systemd.io/AUTOMATIC_BOOT_ASSESSMENT): the
 * `+LEFT[-DONE]` before `.conf` is the counter, and the ID is the name without it.
 */
export function entryIdOfFile(file: string): { id: string; tries: { left: number; done: number | null } | null } {
  const m = /^(.*)\+([0-9]+)(?:-([0-9]+))?(\.conf)$/i.exec(file);
  if (!m || m[1] === '') return { id: file, tries: null };
  return { id: `${m[1]}${m[4] as string}`, tries: { left: Number(m[2]), done: m[3] === undefined ? null : Number(m[3]) } };
}

/** Parses BLS `key value` lines (comments, blank lines and keys without a value skipped, as systemd-boot does; repeated keys kept in order). */
export function parseKeyValues(text: string): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(\S+)\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, key, value] = m as unknown as [string, string, string];
    if (value.trim() === '') continue; // systemd: "Field 'KEY' without value, ignoring line."
    const list = keys.get(key) ?? [];
    list.push(value.trim());
    keys.set(key, list);
  }
  return keys;
}

/** The NixOS profile, generation and specialisation an entry file name stands for, or null when NixOS did not write it. */
export function nixosEntryName(id: string): { profile: string; generation: number; specialisation: string | null } | null {
  // Boot counting may add `+LEFT[-DONE]` before `.conf`.
  const m = /^nixos(?:-(.+?))?-generation-([1-9][0-9]*)(?:-specialisation-(.+?))?(?:\+[0-9]+(?:-[0-9]+)?)?\.conf$/i.exec(id);
  if (!m) return null;
  return { profile: m[1] ?? 'system', generation: Number(m[2]), specialisation: m[3] ?? null };
}

/** systemd-boot's order: entries with no boot tries left last; before them, entries with a sort-key first, by sort-key, then machine-id, then version newest first; then the id, highest first. */
export function compareEntries(a: EntryFile, b: EntryFile): number {
  // An entry whose boot counter has no tries left goes to the end.
  const spentA = a.tries?.left === 0;
  const spentB = b.tries?.left === 0;
  if (spentA !== spentB) return spentA ? 1 : -1;
  const first = (e: EntryFile, k: string) => lastValue(e.keys, k);
  const ka = first(a, 'sort-key');
  const kb = first(b, 'sort-key');
  if ((ka === null) !== (kb === null)) return ka === null ? 1 : -1;
  if (ka !== null && kb !== null) {
    if (ka !== kb) return ka < kb ? -1 : 1;
    const ma = first(a, 'machine-id') ?? '';
    const mb = first(b, 'machine-id') ?? '';
    if (ma !== mb) return ma < mb ? -1 : 1;
    const v = strverscmp(first(b, 'version') ?? '', first(a, 'version') ?? '');
    if (v !== 0) return v;
  }
  return strverscmp(b.id, a.id);
}

/** The most an ESP text file (an entry, loader.conf) may hold for Gentry to read it. */
export const ESP_TEXT_MAX_BYTES = 1024 * 1024;

/** Reads an ESP text file the way the helper would touch it: no symlink, regular file only, at most ESP_TEXT_MAX_BYTES. */
async function readEspText(file: string): Promise<string | null> {
  return readTextFile(file, { noFollow: true, maxBytes: ESP_TEXT_MAX_BYTES });
}

/**
 * Reads and sorts the entries in `<esp>/loader/entries` as systemd-boot does: every regular file whose name ends in
 * `.conf` in any case and does not start with a dot (a directory named like one is not an entry); one that cannot
 * be read is left out and said in `problems`.
 */
export async function readEntries(esp: string, problems: string[] = []): Promise<EntryFile[]> {
  let names: Dirent[];
  try {
    names = await readdir(join(esp, 'loader/entries'), { withFileTypes: true });
  } catch {
    return [];
  }
  const entries: EntryFile[] = [];
  for (const dirent of names) {
    const file = dirent.name;
    if (!/\.conf$/i.test(file) || file.startsWith('.') || dirent.isDirectory()) continue;
    try {
      const text = await readEspText(join(esp, 'loader/entries', file));
      if (text !== null) entries.push({ ...entryIdOfFile(file), file, keys: parseKeyValues(text) });
    } catch (err) {
      problems.push(`${(err as Error).message}; that entry is left out of the menu here (systemd-boot may still list it).`);
    }
  }
  return entries.sort(compareEntries);
}

/** Reads `<esp>/loader/loader.conf`; an empty map when there is none or it cannot be read (then said in `problems`). */
export async function readLoaderConf(esp: string, problems: string[] = []): Promise<Map<string, string[]>> {
  try {
    return parseKeyValues((await readEspText(join(esp, 'loader/loader.conf'))) ?? '');
  } catch (err) {
    problems.push(`${(err as Error).message}; its default and timeout are not known here.`);
    return new Map();
  }
}
