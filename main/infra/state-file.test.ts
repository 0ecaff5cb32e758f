// Readers that cannot hang (issue 12): a FIFO, a device or a symlink where Gentry expects one of its state
// files, a run log or an ESP file gives an error naming the file at once. Each test has a 5 s timeout and
// measures itself: the old readers waited for a FIFO's writer forever and read /dev/zero without end.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOADER_GUID, readLoaderVariable } from '../boot/efivars.ts';
import { readGrubFiles } from '../boot/grub.ts';
import { readEntries, readLoaderConf } from '../boot/systemd-boot.ts';
import { labelsFile, readLabels, readLabelsReport, writeLabel } from '../labels/labels.ts';
import { silentLogger } from './log.ts';
import { cachedClosureSizer } from '../nix/closure-size-cache.ts';
import { jsonCache } from '../pins/json-cache.ts';
import { readPinsFile } from '../pins/pins-file.ts';
import { LogFile } from '../runs/log-file.ts';
import { readLogTail } from '../runs/run-store.ts';
import { readSettings } from '../settings/settings.ts';
import { readRegularFile } from './state-file.ts';
import { z } from 'zod';

const QUICK = { timeout: 5000 };

function fifo(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path}: ${r.stderr.toString()}`);
  return path;
}

/** Runs `fn`, checks it settled within a second, and returns how it settled. */
async function quickly<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: Error }> {
  const t0 = Date.now();
  const out = await fn().then(
    (value) => ({ value }),
    (error: Error) => ({ error }),
  );
  expect(Date.now() - t0).toBeLessThan(1000);
  return out;
}

const tmp = () => mkdtempSync(join(tmpdir(), 'gentry-hostile-'));

describe('state files that are not regular files', () => {
  it('labels.json as a FIFO: the listing names it, a label is refused', QUICK, async () => {
    const dir = tmp();
    const file = fifo(labelsFile(dir));
    const report = await quickly(() => readLabelsReport(dir));
    expect(report.value).toEqual({ labels: [], problems: [`${file} is a FIFO (named pipe), not a regular file, so Gentry does not read it; labels are not shown.`] });
    expect((await quickly(() => readLabels(dir))).error?.message).toBe(`${file} is a FIFO (named pipe), not a regular file, so Gentry does not read it`);
    expect((await quickly(() => writeLabel(dir, { profile: '/p', number: 1, storePath: null }, 'x', null))).error).toMatchObject({ code: 'unavailable', message: expect.stringContaining(`${file} is a FIFO`) });
  });

  it('config.json as a FIFO', QUICK, async () => {
    const dir = tmp();
    const file = fifo(join(dir, 'config.json'));
    expect((await quickly(() => readSettings(dir))).error).toMatchObject({ code: 'unavailable', message: `${file} is a FIFO (named pipe), not a regular file, so Gentry does not read it`, hint: expect.stringContaining('Remove it') });
  });

  it('pins.json as a FIFO is a problem on its target', QUICK, async () => {
    const dir = tmp();
    const file = fifo(join(dir, 'pins.json'));
    expect((await quickly(() => readPinsFile(dir))).value).toEqual({ ok: false, problem: `${file} is a FIFO (named pipe), not a regular file, so Gentry does not read it` });
  });

  it('the closure-size cache and a json cache as FIFOs are treated as empty', QUICK, async () => {
    const dir = tmp();
    const file = fifo(join(dir, 'closure-sizes.json'));
    const sizer = cachedClosureSizer(async () => ({ source: 'sqlite', notice: null, closureSizes: async (r) => new Map(r.map((p) => [p, 5])), close() {} }), file, silentLogger);
    expect((await quickly(() => sizer.closureSizes(['/nix/store/a']))).value).toEqual(new Map([['/nix/store/a', 5]]));
    fifo(join(dir, 'revs.json'));
    expect((await quickly(() => jsonCache(dir, 'revs', z.string(), silentLogger).get('k'))).value).toBeUndefined();
  });

  it('a run log as a FIFO or a symlink: reading and opening it fail with its name', QUICK, async () => {
    const dir = tmp();
    const log = fifo(join(dir, 'runs/x/log'));
    expect((await quickly(() => readLogTail(log))).error?.message).toBe(`${log} is a FIFO (named pipe), not a regular file, so Gentry does not read it`);
    expect((await quickly(() => LogFile.open(log))).error?.message).toBe(`the run log ${log} is a FIFO (named pipe), not a regular file`);
    const secret = join(dir, 'secret');
    writeFileSync(secret, 'not yours');
    const link = join(dir, 'runs/y/log');
    mkdirSync(join(link, '..'), { recursive: true });
    symlinkSync(secret, link);
    expect((await quickly(() => readLogTail(link))).error?.message).toBe(`${link} is a symbolic link, which Gentry does not follow there`);
    expect((await quickly(() => LogFile.open(link))).error?.message).toBe(`the run log ${link} is a symbolic link, which Gentry does not follow`);
  });
});

describe('ESP files and EFI variables that are not regular files', () => {
  it('loader.conf and an entry as FIFOs become warnings; the other entries are read', QUICK, async () => {
    const esp = tmp();
    const conf = fifo(join(esp, 'loader/loader.conf'));
    const bad = fifo(join(esp, 'loader/entries/nixos-generation-1.conf'));
    writeFileSync(join(esp, 'loader/entries/nixos-generation-2.conf'), 'title NixOS\nlinux /k\n');
    const problems: string[] = [];
    expect((await quickly(() => readLoaderConf(esp, problems))).value).toEqual(new Map());
    expect((await quickly(() => readEntries(esp, problems))).value?.map((e) => e.id)).toEqual(['nixos-generation-2.conf']);
    expect(problems).toEqual([
      `${conf} is a FIFO (named pipe), not a regular file, so Gentry does not read it; its default and timeout are not known here.`,
      `${bad} is a FIFO (named pipe), not a regular file, so Gentry does not read it; that entry is left out of the menu here (systemd-boot may still list it).`,
    ]);
  });

  it('grubenv as a FIFO is a problem, not a hang', QUICK, async () => {
    const esp = tmp();
    mkdirSync(join(esp, 'grub'));
    writeFileSync(join(esp, 'grub/grub.cfg'), 'set default=0\n');
    const env = fifo(join(esp, 'grub/grubenv'));
    expect((await quickly(() => readGrubFiles(esp))).value?.problems).toEqual([`${env} is not usable (${env} is a FIFO (named pipe), not a regular file, so Gentry does not read it); GRUB ignores it, so saved_entry and next_entry do nothing.`]);
  });

  it('an EFI variable as a FIFO, or as a symlink to /dev/zero', QUICK, async () => {
    const efivars = tmp();
    const asFifo = fifo(join(efivars, `LoaderEntryOneShot-${LOADER_GUID}`));
    expect((await quickly(() => readLoaderVariable(efivars, 'LoaderEntryOneShot'))).error?.message).toBe(`${asFifo} is a FIFO (named pipe), not a regular file, so Gentry does not read it`);
    const zero = join(efivars, `LoaderEntryDefault-${LOADER_GUID}`);
    symlinkSync('/dev/zero', zero);
    expect((await quickly(() => readLoaderVariable(efivars, 'LoaderEntryDefault'))).error?.message).toBe(`${zero} is a symbolic link, which Gentry does not follow there`);
    // Followed on purpose, /dev/zero is still refused by fstat before a byte is read.
    expect((await quickly(() => readRegularFile('/dev/zero'))).error?.message).toBe('/dev/zero is a character device, not a regular file, so Gentry does not read it');
  });

  it('a regular file over the cap is refused without reading it all', QUICK, async () => {
    const dir = tmp();
    const big = join(dir, 'big');
    writeFileSync(big, Buffer.alloc(2048));
    expect((await quickly(() => readRegularFile(big, { maxBytes: 1024 }))).error?.message).toBe(`${big} is larger than 1024 bytes, too large to be Gentry's`);
  });
});
