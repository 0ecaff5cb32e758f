// The machine and openDemo calls: which machine the services look at, whether a demo can be built
// here, and the switch to the demo world (built once, however many windows ask at the same time).
import type { GentryHandlers, Machine } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import type { ProcessRunner } from '../infra/process.ts';
import { linkExists } from '../nix/read-model.ts';
import type { MachinePaths } from '../nix/locations.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { nixStoreWritable } from './demo-machine.ts';

/** Builds (or reuses) the demo world and returns the paths to look at. */
export type DemoOpener = () => Promise<MachinePaths>;

/** Why a demo world cannot be built here, or null when it can. */
export async function demoUnavailableReason(run: ProcessRunner, storeWritable: () => Promise<boolean> = nixStoreWritable): Promise<string | null> {
  const nix = await run('nix-store', ['--version']);
  if (nix.code !== 0) return 'Nix is not installed (no nix-store on PATH). Install Nix, then try again.';
  if (!(await storeWritable())) {
    return 'The demo registers paths in the Nix store, which this user cannot write. Run `gentry demo` as root or with a single-user Nix install.';
  }
  return null;
}

/** How the demo handlers reach the demo and the root's choice of machine. */
export interface DemoOptions {
  /** How to open the demo machine; absent where a demo cannot be offered. */
  openDemo?: DemoOpener;
  /** Whether this user can write the Nix store and its database; default: asks the file system. */
  storeWritable?: () => Promise<boolean>;
  /** Makes `paths` (a demo world) the machine every handler looks at. */
  switchTo(paths: MachinePaths): void;
}

/** The handlers for the machine and the demo. */
export function demoHandlers(deps: ServiceDeps, options: DemoOptions): Pick<GentryHandlers, 'machine' | 'openDemo'> {
  let demoBuild: Promise<void> | null = null;
  let unavailable: Promise<string | null> | null = null;
  const reason = () => (unavailable ??= options.openDemo ? demoUnavailableReason(deps.run, options.storeWritable) : Promise.resolve('This Gentry was started without a demo.'));
  const machine = async (): Promise<Machine> => {
    const why = await reason();
    const paths = deps.paths();
    return { hasSystemProfile: await linkExists(paths.systemProfile), systemProfile: paths.systemProfile, demo: deps.demo(), demoAvailable: why === null, demoUnavailableReason: why };
  };
  return {
    machine: () => machine(),
    openDemo: async () => {
      const open = options.openDemo;
      if (!open) throw new GentryError('unavailable', 'This Gentry was started without a demo.', 'Run `gentry demo` instead.');
      const why = await reason();
      if (why) throw new GentryError('unavailable', 'A demo machine cannot be built here.', why);
      demoBuild ??= open().then(
        (p) => {
          options.switchTo(p);
          deps.emit('profilesChanged', { reason: 'demo' });
        },
        (err: Error) => {
          demoBuild = null;
          throw new GentryError('internal', `Building the demo machine failed: ${err.message}`, 'See the log for the Nix output; `gentry demo` on a terminal shows it too.');
        },
      );
      await demoBuild;
      return machine();
    },
  };
}
