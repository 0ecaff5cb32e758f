// systemd's own reading of an ESP, for tests: `bootctl list --json=short` (Debian's systemd-boot package, systemd
// 252 on this kind of machine). The package is never installed: its postinst runs `bootctl install` when it finds
// an ESP, which would change the machine's own boot. Its files are unpacked into $XDG_CACHE_HOME/gentry/systemd-boot
// instead (bootctl links only to the installed systemd's libsystemd-shared), or GENTRY_BOOTCTL names a bootctl.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

const cacheDir = () => join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'gentry/systemd-boot');

/** The path of a bootctl to ask: GENTRY_BOOTCTL, the system's, or systemd-boot's unpacked into the cache (fetched once with apt-get download). */
export function ensureBootctl(): string {
  const named = process.env.GENTRY_BOOTCTL;
  if (named) {
    if (!existsSync(named)) throw new Error(`GENTRY_BOOTCTL names ${named}, which does not exist`);
    return named;
  }
  if (existsSync('/usr/bin/bootctl')) return '/usr/bin/bootctl';
  const unpacked = join(cacheDir(), 'usr/bin/bootctl');
  if (existsSync(unpacked)) return unpacked;
  const work = mkdtempSync(join(tmpdir(), 'gentry-systemd-boot-'));
  try {
    execFileSync('apt-get', ['download', 'systemd-boot'], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
    const deb = readdirSync(work).find((f) => f.endsWith('.deb'));
    if (!deb) throw new Error('apt-get download systemd-boot left no .deb');
    const into = join(work, 'x');
    execFileSync('dpkg-deb', ['-x', join(work, deb), into]);
    mkdirSync(cacheDir(), { recursive: true });
    cpSync(into, cacheDir(), { recursive: true });
  } catch (err) {
    throw new Error(`bootctl (the oracle of the systemd-boot reader tests) is missing and could not be unpacked from Debian's systemd-boot package: ${(err as Error).message}. Run: cd /tmp && apt-get download systemd-boot && dpkg-deb -x systemd-boot_*.deb ${cacheDir()}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return unpacked;
}

/** One entry as `bootctl list --json=short` prints it (systemd 252). */
export interface BootctlEntry {
  id: string;
  path: string;
  title?: string;
  showTitle?: string;
  sortKey?: string;
  version?: string;
  machineId?: string;
  architecture?: string;
  options?: string;
  linux?: string;
  efi?: string;
  initrd?: string[];
  devicetree?: string;
  devicetreeOverlay?: string[];
  triesLeft?: number;
  triesDone?: number;
}

/**
 * What bootctl lists for the ESP tree at `espTree`, in its order. bootctl wants the ESP to be the root of a file
 * system, so the tree is copied onto a tmpfs mounted in a private mount namespace (the machine's mounts untouched);
 * SYSTEMD_RELAX_ESP_CHECKS lets a tmpfs stand for the FAT file system.
 */
export function bootctlList(bootctl: string, espTree: string): BootctlEntry[] {
  const script = 'set -e; m="$(mktemp -d)"; mount -t tmpfs gentry-esp "$m"; cp -a "$1/." "$m/"; SYSTEMD_RELAX_ESP_CHECKS=1 "$2" --esp-path="$m" --no-pager list --json=short';
  const out = execFileSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', espTree, bootctl], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  return out.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as BootctlEntry);
}
