// The boot menu Guix writes for the system profile (guix/scripts/system.scm:337-433, gnu/system.scm:584-605): the
// current generation's entry and its extra menu entries, then every other generation newest first as old
// entries, each labelled `LABEL (#N, YYYY-MM-DD HH:MM)` from the generation link's own mtime.
import type { GuixMenuEntry } from './boot-parameters.ts';
import type { GuixGeneration, GuixProfileReading } from './read-guix-profile.ts';

/** The menu, and the generations left out of it (Guix leaves out those whose parameters are missing). */
export interface GuixBootMenu {
  entries: GuixMenuEntry[];
  oldEntries: GuixMenuEntry[];
  /** Generation numbers not in the menu, each with why. */
  leftOut: { number: number; reason: string }[];
}

const two = (n: number) => String(n).padStart(2, '0');

/** `~Y-~m-~d ~H:~M` in local time or UTC (the label's date). */
export function menuDate(d: Date, utc = false): string {
  return utc ? `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** boot-parameters->menu-entry with profile-boot-parameters' label; null when the generation has no readable parameters. */
function entryOf(g: GuixGeneration, utc: boolean): GuixMenuEntry | null {
  const b = g.boot;
  if (!b || g.linkMtime === null) return null;
  return {
    label: `${b.label} (#${g.number}, ${menuDate(g.linkMtime, utc)})`,
    device: b.storeDevice,
    deviceMountPoint: b.storeMountPoint,
    linux: b.multiboot ? null : b.kernel,
    linuxArguments: b.multiboot ? [] : b.kernelArguments,
    initrd: b.initrd,
    multibootKernel: b.multiboot ? b.kernel : null,
    chainLoader: null,
  };
}

/** The menu `guix system switch-generation`/`roll-back` would write for `reading` (a system profile); null without a current generation. */
export function guixBootMenu(reading: GuixProfileReading, opts: { utc?: boolean } = {}): GuixBootMenu | null {
  const current = reading.generations.find((g) => g.current);
  if (current === undefined) return null;
  const leftOut: GuixBootMenu['leftOut'] = [];
  const take = (g: GuixGeneration) => {
    const e = entryOf(g, opts.utc ?? false);
    if (e === null) leftOut.push({ number: g.number, reason: g.problems.join('; ') || 'its boot parameters cannot be read' });
    return e;
  };
  const first = take(current);
  const entries = first === null ? [] : [first, ...current.boot!.menuEntries];
  const oldEntries = [...reading.generations].reverse().filter((g) => g !== current).map(take).filter((e): e is GuixMenuEntry => e !== null);
  return { entries, oldEntries, leftOut };
}
