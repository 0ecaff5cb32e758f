// The helper's `boot` verbs as a real process under --root: a systemd-boot ESP (loader.conf,
// entries, efivarfs as a plain directory) and a GRUB ESP (grub.cfg, grubenv) built here; every verb
// on both loaders, the efivarfs bytes against hand-written fixtures, hostile IDs and planted
// symlinks refused with the tree byte-for-byte unchanged, and SIGKILL at random moments while
// loader.conf or grubenv is being replaced.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildHelperBinary } from './helper-binary.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const GUID = '4a67b082-0a4c-41cf-b6c7-440b29bb8c4f';
const DEFAULT_VAR = `LoaderEntryDefault-${GUID}`;
const ONESHOT_VAR = `LoaderEntryOneShot-${GUID}`;
const GRUB_CONFIG_2 = 'NixOS - All configurations>NixOS - Configuration 2 (2025-09-04 - 25.05.20250904.fe83bbd)';

let helper = '';
beforeAll(() => {
  helper = buildHelperBinary();
}, 180_000);

/** The environment the helper runs with: PKEXEC_UID and SUDO_UID removed (--root is refused under them). */
function helperEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.PKEXEC_UID;
  delete env.SUDO_UID;
  return { ...env, ...extra };
}

/** One finished run: exit status, raw output, and stdout parsed as JSON lines (a line that is not JSON fails the test). */
interface HelperRun {
  status: number | null;
  stdout: string;
  stderr: string;
  lines: Record<string, unknown>[];
  result: Record<string, unknown>;
}

/** Runs the helper to the end; asserts that stdout is JSON lines ending in exactly one result. */
function runHelper(args: string[], options: { input?: string; env?: Record<string, string> } = {}): HelperRun {
  const r = spawnSync(helper, args, { encoding: 'utf8', input: options.input ?? '', env: helperEnv(options.env), timeout: 30_000 });
  const lines = r.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const results = lines.filter((l) => l.event === 'result');
  expect(results, `${r.stdout}\n${r.stderr}`).toHaveLength(1);
  expect(lines.at(-1)?.event).toBe('result');
  expect(lines.every((l) => l.event === 'result' || l.event === 'progress')).toBe(true);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines, result: results[0] as Record<string, unknown> };
}

/** A hand-written hex fixture: whitespace-separated byte pairs, `#` comments. */
function hexFixture(name: string): Buffer {
  const tokens = readFileSync(join(FIXTURES, name), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, ''))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);
  for (const t of tokens) if (!/^[0-9a-f]{2}$/.test(t)) throw new Error(`${name}: ${t} is not a hex byte`);
  return Buffer.from(tokens.map((t) => parseInt(t, 16)));
}

const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/** A 1024-byte GRUB environment block: `head` (header and lines), then `#` padding. */
function grubBlock(head: string | Buffer): Buffer {
  const bytes = Buffer.isBuffer(head) ? head : Buffer.from(head);
  if (bytes.length > 1024) throw new Error('head longer than a block');
  return Buffer.concat([bytes, Buffer.alloc(1024 - bytes.length, '#')]);
}

/** Every file, directory and symlink under `dirs` (never followed): type, mode, mtime, content or target. */
function snapshot(...dirs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (path: string) => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) out.set(path, `link ${st.mode} ${readlinkSync(path)}`);
    else if (st.isFile()) out.set(path, `file ${st.mode} ${st.mtimeMs} ${readFileSync(path).toString('base64')}`);
    else if (st.isDirectory()) {
      out.set(path, `dir ${st.mode} ${st.mtimeMs}`);
      for (const name of readdirSync(path)) walk(join(path, name));
    } else out.set(path, `other ${st.mode}`);
  };
  for (const dir of dirs) walk(dir);
  return out;
}

const ENTRY_1 = 'title NixOS\nversion Generation 1 NixOS 25.05, built on 2025-09-01\nlinux /EFI/nixos/aaa-linux-6.12-bzImage.efi\ninitrd /EFI/nixos/aaa-initrd.efi\noptions init=/nix/store/aaa-nixos-system/init quiet\n';
const ENTRY_2 = 'title NixOS\nversion Generation 2 NixOS 25.05, built on 2025-09-04\nlinux /EFI/nixos/bbb-linux-6.12-bzImage.efi\ninitrd /EFI/nixos/bbb-initrd.efi\noptions init=/nix/store/bbb-nixos-system/init quiet\n';
const MEMTEST = 'title Memtest86+\nefi /efi/memtest86/memtest.efi\nsort-key zz-memtest\n';

/** A root holding a systemd-boot ESP at ROOT/boot and an efivarfs stand-in at ROOT/sys/firmware/efi/efivars. */
function systemdBootRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'gentry-boot-sd-'));
  mkdirSync(join(root, 'boot/loader/entries'), { recursive: true });
  mkdirSync(join(root, 'boot/EFI/nixos'), { recursive: true });
  mkdirSync(join(root, 'sys/firmware/efi/efivars'), { recursive: true });
  writeFileSync(join(root, 'boot/loader/loader.conf'), fixture('loader.conf'));
  writeFileSync(join(root, 'boot/loader/entries/nixos-generation-1.conf'), ENTRY_1);
  writeFileSync(join(root, 'boot/loader/entries/nixos-generation-2.conf'), ENTRY_2);
  writeFileSync(join(root, 'boot/loader/entries/memtest86.conf'), MEMTEST);
  // A variable systemd-boot itself sets, which the helper must never touch.
  writeFileSync(join(root, `sys/firmware/efi/efivars/LoaderTimeInitUSec-${GUID}`), Buffer.from([6, 0, 0, 0, 0x31, 0, 0, 0]));
  return root;
}

/** A root holding a GRUB /boot: grub/grub.cfg and a grubenv with saved_entry and boot_success. */
function grubRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'gentry-boot-grub-'));
  mkdirSync(join(root, 'boot/grub'), { recursive: true });
  writeFileSync(join(root, 'boot/grub/grub.cfg'), '# Automatically generated.  DO NOT EDIT THIS FILE!\nmenuentry "NixOS - Default" {\n  linux /nix/store/x/bzImage\n}\n');
  writeFileSync(join(root, 'boot/grub/grubenv'), grubBlock(fixture('grubenv.before.head')));
  return root;
}

/** Removes a test root, clearing any immutable flag a test set first. */
function removeRoot(root: string): void {
  spawnSync('chattr', ['-R', '-i', root], { stdio: 'ignore' });
  rmSync(root, { recursive: true, force: true });
}

/** Whether chattr +i works in the temporary directory (ext4, btrfs, xfs, tmpfs on new kernels; not everywhere). */
function immutableFlagWorks(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'gentry-chattr-'));
  const probe = join(dir, 'probe');
  writeFileSync(probe, 'x');
  const works = spawnSync('chattr', ['+i', probe]).status === 0;
  spawnSync('chattr', ['-i', probe]);
  rmSync(dir, { recursive: true, force: true });
  return works;
}

const isImmutable = (path: string) => /^\S*i\S*\s/.test(spawnSync('lsattr', ['-d', path], { encoding: 'utf8' }).stdout);

describe('boot verbs on systemd-boot', () => {
  let root = '';
  let efivars = '';
  const boot = (...args: string[]) => runHelper(['--root', root, 'boot', ...args]);
  beforeEach(() => {
    root = systemdBootRoot();
    efivars = join(root, 'sys/firmware/efi/efivars');
  });
  afterEach(() => removeRoot(root));

  it('set-default writes LoaderEntryDefault in the kernel format, byte for byte as the hand-written fixture', () => {
    const run = boot('set-default', 'nixos-generation-1.conf');
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(efivars, DEFAULT_VAR))).toEqual(hexFixture('efivar-LoaderEntryDefault-nixos-generation-1.conf.hex'));
    expect(run.result).toEqual({
      event: 'result', ok: true, verb: 'boot', exitCode: 0, action: 'set-default', loader: 'systemd-boot', esp: '/boot', id: 'nixos-generation-1.conf',
      target: 'efi:LoaderEntryDefault', path: `/sys/firmware/efi/efivars/${DEFAULT_VAR}`, previous: null, value: 'nixos-generation-1.conf', changed: true,
    });
    expect(run.lines.filter((l) => l.event === 'progress').length).toBeGreaterThan(0);
    // A second set reports the first as previous, and a shorter value leaves no tail of the longer one.
    writeFileSync(join(root, 'boot/loader/entries/café-😀.conf'), MEMTEST);
    const again = boot('set-default', 'café-😀.conf');
    expect(again.status, again.stderr).toBe(0);
    expect(again.result).toMatchObject({ previous: 'nixos-generation-1.conf', value: 'café-😀.conf', changed: true });
    expect(readFileSync(join(efivars, DEFAULT_VAR))).toEqual(hexFixture('efivar-LoaderEntryDefault-cafe-emoji.conf.hex'));
    expect(boot('set-default', 'café-😀.conf').result).toMatchObject({ ok: true, previous: 'café-😀.conf', changed: false });
  });

  it('set-oneshot writes LoaderEntryOneShot; the loader files are not touched', () => {
    const before = snapshot(join(root, 'boot'));
    const run = boot('set-oneshot', 'memtest86.conf');
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(efivars, ONESHOT_VAR))).toEqual(hexFixture('efivar-LoaderEntryOneShot-memtest86.conf.hex'));
    expect(run.result).toMatchObject({ ok: true, action: 'set-oneshot', target: 'efi:LoaderEntryOneShot', id: 'memtest86.conf', previous: null });
    expect(snapshot(join(root, 'boot'))).toEqual(before);
    expect(readdirSync(efivars).sort()).toEqual([`LoaderEntryOneShot-${GUID}`, `LoaderTimeInitUSec-${GUID}`]);
  });

  it.each([
    ['clear-default', DEFAULT_VAR, 'efi:LoaderEntryDefault'],
    ['clear-oneshot', ONESHOT_VAR, 'efi:LoaderEntryOneShot'],
  ])('%s removes the variable; a second run finds nothing to do and still succeeds', (action, file, target) => {
    writeFileSync(join(efivars, file), hexFixture('efivar-LoaderEntryDefault-nixos-generation-1.conf.hex'));
    const run = boot(action);
    expect(run.status, run.stderr).toBe(0);
    expect(run.result).toMatchObject({ ok: true, action, target, id: null, previous: 'nixos-generation-1.conf', value: null, changed: true });
    expect(readdirSync(efivars)).toEqual([`LoaderTimeInitUSec-${GUID}`]);
    const again = boot(action);
    expect(again.status).toBe(0);
    expect(again.result).toMatchObject({ ok: true, previous: null, changed: false });
  });

  it.skipIf(!immutableFlagWorks())('clears the immutable flag efivarfs sets, writes, and puts the flag back; deletes an immutable variable', () => {
    const path = join(efivars, DEFAULT_VAR);
    writeFileSync(path, hexFixture('efivar-LoaderEntryOneShot-memtest86.conf.hex'));
    expect(spawnSync('chattr', ['+i', path]).status).toBe(0);
    expect(() => writeFileSync(path, 'x')).toThrow(); // really immutable
    const run = boot('set-default', 'nixos-generation-2.conf');
    expect(run.status, run.stderr).toBe(0);
    expect(run.result).toMatchObject({ previous: 'memtest86.conf', value: 'nixos-generation-2.conf' });
    expect(readFileSync(path).subarray(4).toString('utf16le')).toBe('nixos-generation-2.conf\0');
    expect(isImmutable(path)).toBe(true);
    const clear = boot('clear-default');
    expect(clear.status, clear.stderr).toBe(0);
    expect(readdirSync(efivars)).not.toContain(DEFAULT_VAR);
  });

  it('set-timeout rewrites only the timeout line of loader.conf, as the hand-written fixtures', () => {
    const run = boot('set-timeout', '3');
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(root, 'boot/loader/loader.conf'))).toEqual(fixture('loader.conf.timeout-3'));
    expect(run.result).toMatchObject({ ok: true, action: 'set-timeout', target: 'loader.conf:timeout', path: '/boot/loader/loader.conf', previous: '5', value: '3', changed: true });
    const force = boot('set-timeout', 'menu-force');
    expect(force.status).toBe(0);
    expect(readFileSync(join(root, 'boot/loader/loader.conf'))).toEqual(fixture('loader.conf.timeout-menu-force'));
    expect(force.result).toMatchObject({ previous: '3', value: 'menu-force' });
    expect(boot('set-timeout', '65535').status).toBe(0);
    expect(readFileSync(join(root, 'boot/loader/loader.conf'), 'utf8')).toContain('\ntimeout 65535\n');
    expect(readdirSync(join(root, 'boot/loader')).sort()).toEqual(['entries', 'loader.conf']); // no temporary left
  });

  it('set-timeout adds the line when loader.conf has none, and creates loader.conf when it is missing', () => {
    writeFileSync(join(root, 'boot/loader/loader.conf'), '# mine\ndefault memtest86.conf');
    expect(boot('set-timeout', '0').result).toMatchObject({ ok: true, previous: null, value: '0' });
    expect(readFileSync(join(root, 'boot/loader/loader.conf'), 'utf8')).toBe('# mine\ndefault memtest86.conf\ntimeout 0\n');
    rmSync(join(root, 'boot/loader/loader.conf'));
    expect(boot('set-timeout', 'menu-force').status).toBe(0);
    expect(readFileSync(join(root, 'boot/loader/loader.conf'), 'utf8')).toBe('timeout menu-force\n');
  });

  it('boot-entry write creates and replaces an entry from standard input; boot-entry remove removes it', () => {
    const text = '# added with Gentry\ntitle Rescue shell\nlinux /EFI/rescue/vmlinuz\ninitrd /EFI/rescue/initrd\noptions init=/bin/sh\n';
    const path = join(root, 'boot/loader/entries/rescue.conf');
    const run = runHelper(['--root', root, 'boot-entry', 'write', 'rescue.conf'], { input: text });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(lstatSync(path).mode & 0o777).toBe(0o644);
    expect(run.result).toMatchObject({ ok: true, verb: 'boot-entry', action: 'write', loader: 'systemd-boot', esp: '/boot', id: 'rescue.conf', target: 'entry:rescue.conf', path: '/boot/loader/entries/rescue.conf', previous: null, value: text, changed: true });
    const replaced = runHelper(['--root', root, 'boot-entry', 'write', 'rescue.conf'], { input: 'title Rescue\nefi /EFI/rescue/shell.efi\n' });
    expect(replaced.status).toBe(0);
    expect(replaced.result).toMatchObject({ previous: text, value: 'title Rescue\nefi /EFI/rescue/shell.efi\n' });
    expect(readFileSync(path, 'utf8')).toBe('title Rescue\nefi /EFI/rescue/shell.efi\n');
    const removed = runHelper(['--root', root, 'boot-entry', 'remove', 'rescue.conf']);
    expect(removed.status, removed.stderr).toBe(0);
    expect(removed.result).toMatchObject({ ok: true, verb: 'boot-entry', action: 'remove', previous: 'title Rescue\nefi /EFI/rescue/shell.efi\n', value: null, changed: true });
    expect(readdirSync(join(root, 'boot/loader/entries')).sort()).toEqual(['memtest86.conf', 'nixos-generation-1.conf', 'nixos-generation-2.conf']);
    // memtest86.conf is not NixOS's: it may be replaced. Entry file names are ASCII only.
    expect(runHelper(['--root', root, 'boot-entry', 'write', 'memtest86.conf'], { input: MEMTEST.replace('Memtest86+', 'Memtest') }).status).toBe(0);
    const unicode = runHelper(['--root', root, 'boot-entry', 'write', 'abcdeé.conf'], { input: MEMTEST });
    expect(unicode.status).toBe(2);
    expect(String(unicode.result.error)).toMatch(/U\+00E9 at byte 5/);
  });

  it('refuses an entry text that is not a loadable entry (exit 3) and writes nothing', () => {
    const before = snapshot(root);
    for (const text of ['', 'title Only a title\n', 'garbage\nlinux /x\n', 'title A\0B\nlinux /x\n', `linux /x\n#${'x'.repeat(64 * 1024)}\n`]) {
      const run = runHelper(['--root', root, 'boot-entry', 'write', 'rescue.conf'], { input: text });
      expect(run.status, JSON.stringify(text.slice(0, 40))).toBe(3);
      expect(run.result).toMatchObject({ ok: false, kind: 'refused', verb: 'boot-entry', action: 'write', error: expect.stringMatching(/nothing was written/) });
    }
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses --root under pkexec (exit 3)', () => {
    const before = snapshot(root);
    const run = runHelper(['--root', root, 'boot', 'set-default', 'nixos-generation-1.conf'], { env: { PKEXEC_UID: '1000' } });
    expect(run.status).toBe(3);
    expect(run.result).toMatchObject({ ok: false, kind: 'refused', verb: 'boot' });
    expect(snapshot(root)).toEqual(before);
  });
});

describe('boot verbs on GRUB', () => {
  let root = '';
  let grubenv = '';
  const boot = (...args: string[]) => runHelper(['--root', root, 'boot', ...args]);
  beforeEach(() => {
    root = grubRoot();
    grubenv = join(root, 'boot/grub/grubenv');
  });
  afterEach(() => removeRoot(root));

  it('set-default and set-oneshot write saved_entry and next_entry, keeping the other variables and 1024 bytes', () => {
    const run = boot('set-default', GRUB_CONFIG_2);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(grubenv)).toEqual(grubBlock(fixture('grubenv.set-default.head')));
    expect(run.result).toEqual({
      event: 'result', ok: true, verb: 'boot', exitCode: 0, action: 'set-default', loader: 'grub', esp: '/boot', id: GRUB_CONFIG_2,
      target: 'grubenv:saved_entry', path: '/boot/grub/grubenv', previous: '0', value: GRUB_CONFIG_2, changed: true,
    });
    const oneshot = boot('set-oneshot', 'NixOS - Default');
    expect(oneshot.status).toBe(0);
    expect(readFileSync(grubenv)).toEqual(grubBlock(fixture('grubenv.set-oneshot.head')));
    expect(oneshot.result).toMatchObject({ target: 'grubenv:next_entry', previous: null, value: 'NixOS - Default' });
    expect(readdirSync(join(root, 'boot/grub')).sort()).toEqual(['grub.cfg', 'grubenv']);
  });

  it('clear-default and clear-oneshot remove their lines; clearing what is not set changes nothing', () => {
    writeFileSync(grubenv, grubBlock(fixture('grubenv.set-oneshot.head')));
    expect(boot('clear-oneshot').result).toMatchObject({ ok: true, target: 'grubenv:next_entry', previous: 'NixOS - Default', value: null, changed: true });
    expect(readFileSync(grubenv)).toEqual(grubBlock(fixture('grubenv.set-default.head')));
    expect(boot('clear-default').result).toMatchObject({ ok: true, target: 'grubenv:saved_entry', previous: GRUB_CONFIG_2, changed: true });
    expect(readFileSync(grubenv)).toEqual(grubBlock(fixture('grubenv.cleared.head')));
    const before = snapshot(root);
    expect(boot('clear-default').result).toMatchObject({ ok: true, previous: null, changed: false });
    expect(snapshot(root)).toEqual(before);
  });

  it('creates a fresh block when grubenv is missing; clearing with no grubenv creates none', () => {
    rmSync(grubenv);
    expect(boot('clear-oneshot').result).toMatchObject({ ok: true, changed: false });
    expect(readdirSync(join(root, 'boot/grub'))).toEqual(['grub.cfg']);
    expect(boot('set-oneshot', 'NixOS - Default').status).toBe(0);
    expect(readFileSync(grubenv)).toEqual(grubBlock('# GRUB Environment Block\nnext_entry=NixOS - Default\n'));
  });

  it('escapes a backslash in the value as GRUB does', () => {
    expect(boot('set-default', 'Windows \\ Boot Manager').status).toBe(0);
    expect(readFileSync(grubenv)).toEqual(grubBlock('# GRUB Environment Block\nsaved_entry=Windows \\\\ Boot Manager\nboot_success=1\n'));
    expect(boot('set-default', 'x').result).toMatchObject({ previous: 'Windows \\ Boot Manager' });
  });

  it('refuses (exit 3) a value that would not fit in 1024 bytes, leaving grubenv as it was', () => {
    // 25 (header) + 725 (big=…) + 14 (saved_entry=0) + 15 (boot_success=1) = 779 bytes; a 255-byte
    // saved_entry adds 254 more: 1033.
    const head = `# GRUB Environment Block\nbig=${'b'.repeat(720)}\nsaved_entry=0\nboot_success=1\n`;
    writeFileSync(grubenv, grubBlock(head));
    const before = snapshot(root);
    const run = boot('set-default', 'x'.repeat(255));
    expect(run.status).toBe(3);
    expect(run.result).toMatchObject({ ok: false, kind: 'refused', loader: 'grub', error: expect.stringMatching(/1024/) });
    expect(snapshot(root)).toEqual(before);
    // 25 + 716 (big=…) + 15 + 268 (saved_entry= and 255 bytes and a newline) = exactly 1024: it fits.
    writeFileSync(grubenv, grubBlock(`# GRUB Environment Block\nbig=${'b'.repeat(711)}\nboot_success=1\n`));
    const fits = boot('set-default', 'y'.repeat(255));
    expect(fits.status, fits.stderr).toBe(0);
    const bytes = readFileSync(grubenv);
    expect(bytes.length).toBe(1024);
    expect(bytes.subarray(1023).toString()).toBe('\n'); // exactly full, no padding left
  });

  it('refuses set-timeout and entry edits on GRUB, saying where they belong', () => {
    const before = snapshot(root);
    const timeout = boot('set-timeout', '3');
    expect(timeout.status).toBe(3);
    expect(String(timeout.result.error)).toMatch(/grub\.cfg.*regenerates.*boot\.loader\.timeout/);
    for (const action of ['write', 'remove']) {
      const run = runHelper(['--root', root, 'boot-entry', action, 'custom.conf'], { input: 'title X\nefi /x.efi\n' });
      expect(run.status).toBe(3);
      expect(run.result).toMatchObject({ ok: false, kind: 'refused', verb: 'boot-entry', loader: 'grub', action });
    }
    expect(snapshot(root)).toEqual(before);
  });
});

/** A hostile request: which ESP, what to plant first, the verb (boot unless named) and its arguments, stdin, and the exit code. */
interface Hostile {
  name: string;
  loader: 'systemd-boot' | 'grub';
  plant?: (root: string, outside: string) => void;
  verb?: 'boot' | 'boot-entry';
  args: string[];
  input?: string;
  exit: 2 | 3 | 4;
}

const moveAndLink = (path: string, outside: string, name: string) => {
  renameSync(path, join(outside, name));
  symlinkSync(join(outside, name), path);
};

const hostile: Hostile[] = [
  { name: 'ID ../loader.conf', loader: 'systemd-boot', args: ['set-default', '../loader.conf'], exit: 2 },
  { name: 'ID with a slash', loader: 'systemd-boot', args: ['set-default', 'entries/nixos-generation-1.conf'], exit: 2 },
  { name: 'ID absolute path', loader: 'systemd-boot', args: ['set-oneshot', '/etc/passwd'], exit: 2 },
  { name: 'ID with a newline', loader: 'systemd-boot', args: ['set-default', 'nixos-generation-1.conf\n'], exit: 2 },
  { name: 'ID with a carriage return', loader: 'grub', args: ['set-default', 'NixOS\r'], exit: 2 },
  { name: 'GRUB ID with a newline (would add a grubenv line)', loader: 'grub', args: ['set-oneshot', 'x\nsaved_entry=evil'], exit: 2 },
  { name: 'ID of 300 bytes', loader: 'systemd-boot', args: ['set-default', `${'a'.repeat(295)}.conf`], exit: 2 },
  { name: 'GRUB ID of 300 bytes', loader: 'grub', args: ['set-default', 'g'.repeat(300)], exit: 2 },
  { name: 'ID .hidden.conf', loader: 'systemd-boot', args: ['set-default', '.hidden.conf'], exit: 2 },
  { name: 'ID ..', loader: 'systemd-boot', verb: 'boot-entry', args: ['remove', '..'], exit: 2 },
  { name: 'empty ID', loader: 'systemd-boot', args: ['set-default', ''], exit: 2 },
  { name: 'no ID', loader: 'systemd-boot', args: ['set-default'], exit: 2 },
  { name: 'two IDs', loader: 'systemd-boot', args: ['set-default', 'memtest86.conf', 'nixos-generation-1.conf'], exit: 2 },
  { name: 'clear-default with an argument', loader: 'systemd-boot', args: ['clear-default', 'memtest86.conf'], exit: 2 },
  { name: 'unknown boot action', loader: 'systemd-boot', args: ['set-editor', 'yes'], exit: 2 },
  { name: 'timeout with a leading zero', loader: 'systemd-boot', args: ['set-timeout', '03'], exit: 2 },
  { name: 'timeout 65536', loader: 'systemd-boot', args: ['set-timeout', '65536'], exit: 2 },
  { name: 'timeout -1', loader: 'systemd-boot', args: ['set-timeout', '-1'], exit: 2 },
  { name: 'timeout menu-hidden', loader: 'systemd-boot', args: ['set-timeout', 'menu-hidden'], exit: 2 },
  { name: 'timeout with a newline (would add a loader.conf line)', loader: 'systemd-boot', args: ['set-timeout', '3\ndefault evil.conf'], exit: 2 },
  { name: 'an entry that does not exist', loader: 'systemd-boot', args: ['set-default', 'nixos-generation-9.conf'], exit: 3 },
  { name: 'one-shot to an entry that does not exist', loader: 'systemd-boot', args: ['set-oneshot', 'windows.conf'], exit: 3 },
  { name: 'remove an entry that does not exist', loader: 'systemd-boot', verb: 'boot-entry', args: ['remove', 'windows.conf'], exit: 3 },
  { name: 'a systemd-boot ID without .conf', loader: 'systemd-boot', args: ['set-default', 'nixos-generation-1'], exit: 3 },
  { name: 'an entry that is a directory', loader: 'systemd-boot', plant: (r) => mkdirSync(join(r, 'boot/loader/entries/dir.conf')), args: ['set-default', 'dir.conf'], exit: 3 },
  { name: 'an entry that is a symlink out of the ESP', loader: 'systemd-boot', plant: (r, o) => symlinkSync(join(o, 'target.conf'), join(r, 'boot/loader/entries/linked.conf')), args: ['set-default', 'linked.conf'], exit: 3 },
  { name: 'boot-entry write over a symlinked entry', loader: 'systemd-boot', plant: (r, o) => symlinkSync(join(o, 'target.conf'), join(r, 'boot/loader/entries/linked.conf')), verb: 'boot-entry', args: ['write', 'linked.conf'], input: 'title X\nefi /x.efi\n', exit: 3 },
  { name: 'boot-entry remove of a symlinked entry', loader: 'systemd-boot', plant: (r, o) => symlinkSync(join(o, 'target.conf'), join(r, 'boot/loader/entries/linked.conf')), verb: 'boot-entry', args: ['remove', 'linked.conf'], exit: 3 },
  { name: 'loader.conf symlinked outside the ESP', loader: 'systemd-boot', plant: (r, o) => moveAndLink(join(r, 'boot/loader/loader.conf'), o, 'loader.conf'), args: ['set-timeout', '3'], exit: 3 },
  { name: 'entries dir symlinked outside the ESP (set-default)', loader: 'systemd-boot', plant: (r, o) => moveAndLink(join(r, 'boot/loader/entries'), o, 'entries'), args: ['set-default', 'memtest86.conf'], exit: 3 },
  { name: 'entries dir symlinked outside the ESP (boot-entry write)', loader: 'systemd-boot', plant: (r, o) => moveAndLink(join(r, 'boot/loader/entries'), o, 'entries'), verb: 'boot-entry', args: ['write', 'custom.conf'], input: 'title X\nefi /x.efi\n', exit: 3 },
  { name: 'loader dir symlinked outside the ESP', loader: 'systemd-boot', plant: (r, o) => moveAndLink(join(r, 'boot/loader'), o, 'loader'), args: ['set-timeout', 'menu-force'], exit: 3 },
  { name: 'efivar file is a symlink', loader: 'systemd-boot', plant: (r, o) => symlinkSync(join(o, 'target.conf'), join(r, `sys/firmware/efi/efivars/${DEFAULT_VAR}`)), args: ['set-default', 'memtest86.conf'], exit: 3 },
  { name: 'efivar file is a symlink (clear)', loader: 'systemd-boot', plant: (r, o) => symlinkSync(join(o, 'target.conf'), join(r, `sys/firmware/efi/efivars/${ONESHOT_VAR}`)), args: ['clear-oneshot'], exit: 3 },
  { name: 'boot-entry write of nixos-generation-1.conf', loader: 'systemd-boot', verb: 'boot-entry', args: ['write', 'nixos-generation-1.conf'], input: 'title X\nefi /x.efi\n', exit: 3 },
  { name: 'boot-entry write of a new nixos- entry', loader: 'systemd-boot', verb: 'boot-entry', args: ['write', 'nixos-generation-99.conf'], input: 'title X\nefi /x.efi\n', exit: 3 },
  { name: 'boot-entry write of NixOS-… in other case', loader: 'systemd-boot', verb: 'boot-entry', args: ['write', 'NixOS-generation-1.conf'], input: 'title X\nefi /x.efi\n', exit: 3 },
  { name: 'boot-entry remove of nixos-generation-2.conf', loader: 'systemd-boot', verb: 'boot-entry', args: ['remove', 'nixos-generation-2.conf'], exit: 3 },
  { name: 'boot-entry write without .conf', loader: 'systemd-boot', verb: 'boot-entry', args: ['write', 'custom'], input: 'title X\nefi /x.efi\n', exit: 2 },
  { name: 'grubenv of 1023 bytes', loader: 'grub', plant: (r) => writeFileSync(join(r, 'boot/grub/grubenv'), grubBlock(fixture('grubenv.before.head')).subarray(0, 1023)), args: ['set-default', 'NixOS - Default'], exit: 3 },
  { name: 'grubenv of 1025 bytes', loader: 'grub', plant: (r) => writeFileSync(join(r, 'boot/grub/grubenv'), Buffer.concat([grubBlock(fixture('grubenv.before.head')), Buffer.from('#')])), args: ['clear-default'], exit: 3 },
  { name: 'grubenv without the header', loader: 'grub', plant: (r) => writeFileSync(join(r, 'boot/grub/grubenv'), grubBlock('# GRUB Environment Blob\nsaved_entry=0\n')), args: ['set-oneshot', 'NixOS - Default'], exit: 3 },
  { name: 'grubenv with a line that is not name=value', loader: 'grub', plant: (r) => writeFileSync(join(r, 'boot/grub/grubenv'), grubBlock('# GRUB Environment Block\nsaved_entry=0\nrm -rf /\n')), args: ['set-default', 'NixOS - Default'], exit: 3 },
  { name: 'grubenv symlinked outside the ESP', loader: 'grub', plant: (r, o) => moveAndLink(join(r, 'boot/grub/grubenv'), o, 'grubenv'), args: ['set-default', 'NixOS - Default'], exit: 3 },
  { name: 'grub dir symlinked outside the ESP', loader: 'grub', plant: (r, o) => moveAndLink(join(r, 'boot/grub'), o, 'grub'), args: ['set-oneshot', 'NixOS - Default'], exit: 3 },
  { name: 'GRUB boot-entry write', loader: 'grub', verb: 'boot-entry', args: ['write', 'custom.conf'], input: 'title X\nefi /x.efi\n', exit: 3 },
  { name: 'an entry file under the boot verb (the kept authorisation)', loader: 'systemd-boot', args: ['write-entry', 'custom.conf'], input: 'title X\nefi /x.efi\n', exit: 2 },
  { name: 'an entry removal under the boot verb', loader: 'systemd-boot', args: ['remove-entry', 'memtest86.conf'], exit: 2 },
  { name: 'entry name with U+2010 for a hyphen', loader: 'systemd-boot', verb: 'boot-entry', args: ['write', 'nixos\u2010generation-31.conf'], input: 'title X\nefi /x.efi\n', exit: 2 },
  { name: 'entry name with a tab', loader: 'systemd-boot', verb: 'boot-entry', args: ['write', 'memtest\t86.conf'], input: 'title X\nefi /x.efi\n', exit: 2 },
  { name: 'entry name with U+202E', loader: 'systemd-boot', verb: 'boot-entry', args: ['remove', 'evil\u202efnoc.conf'], exit: 2 },
  { name: 'entry name with a fullwidth letter', loader: 'systemd-boot', verb: 'boot-entry', args: ['write', '\uff4demtest.conf'], input: 'title X\nefi /x.efi\n', exit: 2 },
  { name: 'set-default ID with U+202E', loader: 'systemd-boot', args: ['set-default', 'memtest86\u202e.conf'], exit: 2 },
  { name: 'GRUB ID with a tab', loader: 'grub', args: ['set-oneshot', 'NixOS\t- Default'], exit: 2 },
  { name: 'ROOT/sys symlinked out of the root (set-default)', loader: 'systemd-boot', plant: (r, o) => moveAndLink(join(r, 'sys'), o, 'sys'), args: ['set-default', 'memtest86.conf'], exit: 3 },
  { name: 'ROOT/sys/firmware symlinked out of the root (clear-oneshot)', loader: 'systemd-boot', plant: (r, o) => moveAndLink(join(r, 'sys/firmware'), o, 'firmware'), args: ['clear-oneshot'], exit: 3 },
  { name: 'ROOT/boot symlinked out of the root (no ESP then)', loader: 'systemd-boot', plant: (r, o) => moveAndLink(join(r, 'boot'), o, 'boot'), verb: 'boot-entry', args: ['write', 'custom.conf'], input: 'title X\nefi /x.efi\n', exit: 4 },
];

describe('boot verbs against hostile input', () => {
  it(`has ${hostile.length} hostile cases with distinct names`, () => {
    expect(new Set(hostile.map((h) => h.name)).size).toBe(hostile.length);
    expect(hostile.length).toBeGreaterThanOrEqual(40);
  });

  it.each(hostile.map((h) => [h.name, h] as const))('%s: refused, one result line, tree byte-for-byte unchanged', (_name, h) => {
    const root = h.loader === 'grub' ? grubRoot() : systemdBootRoot();
    const outside = mkdtempSync(join(tmpdir(), 'gentry-boot-outside-'));
    try {
      writeFileSync(join(outside, 'target.conf'), 'title Outside\nefi /outside.efi\n');
      chmodSync(join(outside, 'target.conf'), 0o600);
      h.plant?.(root, outside);
      const before = snapshot(root, outside);
      const verb = h.verb ?? 'boot';
      const run = runHelper(['--root', root, verb, ...h.args], { input: h.input ?? '' });
      expect(run.status, run.stdout).toBe(h.exit);
      expect(run.result).toMatchObject({ event: 'result', ok: false, verb, exitCode: h.exit, kind: ({ 2: 'usage', 3: 'refused', 4: 'failed' } as const)[h.exit], restored: [] });
      expect(snapshot(root, outside)).toEqual(before);
    } finally {
      removeRoot(root);
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

/** Spins for `ns` nanoseconds: timers cannot wait less than a millisecond, and the helper's whole run is a few. */
function spin(ns: bigint): void {
  const until = process.hrtime.bigint() + ns;
  while (process.hrtime.bigint() < until) {
    // busy wait
  }
}

/** Starts the helper, and after `delayNs` kills it with SIGKILL (if it has not ended yet); resolves with its pid when it is gone. */
async function killedRun(args: string[], delayNs: bigint): Promise<number> {
  const child = spawn(helper, args, { stdio: 'ignore', env: helperEnv() });
  const exited = once(child, 'exit');
  spin(delayNs);
  child.kill('SIGKILL');
  await exited;
  return child.pid ?? -1;
}

/** How long an unkilled run takes, from spawn to exit (median of five), in nanoseconds. */
async function typicalRunNs(args: string[]): Promise<bigint> {
  const times: bigint[] = [];
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    const child = spawn(helper, args, { stdio: 'ignore', env: helperEnv() });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    times.push(process.hrtime.bigint() - started);
  }
  times.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return times[2] as bigint;
}

/** What the crash runs saw. */
interface CrashTally {
  /** Killed before its temporary file existed: the old content. */
  beforeWrite: number;
  /** Killed with its temporary file written or half-written but not renamed: the old content, and a leftover. */
  midWrite: number;
  /** Killed after the rename (or it finished): the new content. */
  after: number;
  /** The most leftover temporary files seen in the directory at once. */
  mostLeftovers: number;
}

/**
 * Runs `runs` helpers that each flip `file` between `a` and `b`, killing each after a random delay
 * spread over 0-130 % of a normal run; after each kill the file must be exactly the old or the new
 * content. Then one unkilled run must succeed and leave no temporary file behind.
 */
async function crashRuns(dir: string, file: string, a: Buffer, b: Buffer, argsFor: (next: 'a' | 'b') => string[], runs: number): Promise<CrashTally> {
  writeFileSync(join(dir, file), a);
  const typical = await typicalRunNs(argsFor('b'));
  writeFileSync(join(dir, file), a);
  const tally: CrashTally = { beforeWrite: 0, midWrite: 0, after: 0, mostLeftovers: 0 };
  const temporaries = () => readdirSync(dir).filter((n) => n.startsWith('.gentry-tmp-'));
  for (let i = 0; i < runs; i++) {
    const old = readFileSync(join(dir, file));
    const next = old.equals(a) ? 'b' : 'a';
    const expected = next === 'a' ? a : b;
    const delay = BigInt(Math.floor(Math.random() * 1.3 * Number(typical)));
    const pid = await killedRun(argsFor(next), delay);
    const now = readFileSync(join(dir, file)); // throws if the file went missing
    const leftovers = temporaries();
    tally.mostLeftovers = Math.max(tally.mostLeftovers, leftovers.length);
    if (now.equals(expected) && !now.equals(old)) tally.after++;
    else if (now.equals(old) && leftovers.some((n) => n.startsWith(`.gentry-tmp-${pid}-`))) tally.midWrite++;
    else if (now.equals(old)) tally.beforeWrite++;
    else throw new Error(`run ${i}: ${file} is torn: ${JSON.stringify(now.toString())}`);
  }
  // A later run is not tripped by the leftovers of killed ones, and sweeps them.
  const old = readFileSync(join(dir, file));
  const next = old.equals(a) ? 'b' : 'a';
  const final = runHelper(argsFor(next));
  expect(final.status, final.stderr).toBe(0);
  expect(readFileSync(join(dir, file))).toEqual(next === 'a' ? a : b);
  expect(temporaries()).toEqual([]);
  process.stderr.write(
    `crash test ${file}: ${runs} SIGKILLs after 0-${(Number(typical) * 1.3e-6).toFixed(1)} ms (an unkilled run takes ${(Number(typical) / 1e6).toFixed(1)} ms): ` +
      `${tally.beforeWrite} before the temporary file was written, ${tally.midWrite} mid-write (temporary left, not renamed), ` +
      `${tally.after} after the rename; at most ${tally.mostLeftovers} leftover temporaries at once, all swept by the next run\n`,
  );
  return tally;
}

describe('SIGKILL while replacing a file', () => {
  let root = '';
  afterEach(() => removeRoot(root));

  it('loader.conf is always exactly the old or the new text (120 kills)', async () => {
    root = systemdBootRoot();
    const dir = join(root, 'boot/loader');
    const tally = await crashRuns(dir, 'loader.conf', fixture('loader.conf.timeout-3'), fixture('loader.conf.timeout-menu-force'), (next) => ['--root', root, 'boot', 'set-timeout', next === 'a' ? '3' : 'menu-force'], 120);
    expect(tally.beforeWrite + tally.midWrite + tally.after).toBe(120);
    expect(tally.beforeWrite + tally.midWrite).toBeGreaterThan(0);
    expect(tally.after).toBeGreaterThan(0);
  }, 120_000);

  it('grubenv is always exactly the old or the new 1024-byte block (120 kills)', async () => {
    root = grubRoot();
    const dir = join(root, 'boot/grub');
    const a = grubBlock('# GRUB Environment Block\nsaved_entry=NixOS - Default\nboot_success=1\n');
    const b = grubBlock(`# GRUB Environment Block\nsaved_entry=${GRUB_CONFIG_2}\nboot_success=1\n`);
    const tally = await crashRuns(dir, 'grubenv', a, b, (next) => ['--root', root, 'boot', 'set-default', next === 'a' ? 'NixOS - Default' : GRUB_CONFIG_2], 120);
    expect(tally.beforeWrite + tally.midWrite + tally.after).toBe(120);
    expect(tally.beforeWrite + tally.midWrite).toBeGreaterThan(0);
    expect(tally.after).toBeGreaterThan(0);
  }, 120_000);
});
