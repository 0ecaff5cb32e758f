// What every group of handlers gets from the composition root (main/services.ts): the machine's
// paths (which change when the demo opens), the process runner, the helper, Gentry's own
// directories, the closure engine, and a way to emit events (to every caller, or to one).
import type { EventName, EventPayload } from '../common/contract/index.ts';
import type { BootPaths } from './boot/boot-menu.ts';
import type { HelperCommand } from './helper/helper-client.ts';
import type { Logger } from './infra/log.ts';
import type { ClosureReader } from './nix/closure-reader.ts';
import type { MachinePaths } from './nix/locations.ts';
import type { ProcessRunner } from './infra/process.ts';

/** Emits an event to every caller, or only to the client `to` (a window, a socket, a process). */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>, to?: string) => void;

/** The dependencies of a group of handlers. */
export interface ServiceDeps {
  /** The machine (or demo world) looked at now. */
  paths(): MachinePaths;
  /** True when that is a demo world. */
  demo(): boolean;
  run: ProcessRunner;
  log: Logger;
  helper: HelperCommand;
  boot: BootPaths;
  /** `~/.local/state/gentry` (labels, run logs). */
  stateDir: string;
  /** `~/.config/gentry` (config.json). */
  configDir: string;
  /** The closure engine for the paths in use. */
  reader(): Promise<ClosureReader>;
  emit: Emit;
}
