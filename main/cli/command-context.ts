// What every command gets: its parsed arguments, the machine's paths (the options override the
// defaults), a log, and the in-process door over services for those paths. The services and the
// door load only when a command opens them, so `gentry --help` and `gentry progress` never do.
import { homedir, userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import type { CallName, CallResult, GentryApi, GenerationRef } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { createLogger, type Logger } from '../infra/log.ts';
import type { DoorStart, ServiceContext } from '../services.ts';
import { type ParsedArgs, UsageError } from './args.ts';

/** The machine's paths: the profiles, the booted system and the Nix database a command looks at. */
export type MachinePaths = ServiceContext['paths'];

/** Where the boot menu lives, from --esp and --efivars. */
export interface BootOptions {
  esp: string | null;
  efivars: string;
}

/** The context a command gets: its parsed arguments, the paths, the in-process door over them, the log. */
export interface CommandContext {
  args: ParsedArgs;
  paths: MachinePaths;
  door: GentryApi;
  log: Logger;
}

/** The log every command writes to standard error; GENTRY_LOG=debug shows more. */
export const cliLog: Logger = createLogger(process.env.GENTRY_LOG === 'debug' ? 'debug' : 'info');

/** A string option's value, or undefined. */
export function stringOption(values: ParsedArgs['values'], key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
}

/** What the composition root needs to build this process's services: the options, the environment, the user. */
export function doorStart(values: ParsedArgs['values']): DoorStart {
  return { options: values, env: process.env, homeDir: homedir(), user: process.env.USER || userInfo().username, log: cliLog };
}

/** The boot menu's places from --esp and --efivars (default: found on the ESP, and the kernel's efivarfs). */
export function bootOptions(values: ParsedArgs['values']): BootOptions {
  const esp = stringOption(values, 'esp');
  const efivars = stringOption(values, 'efivars');
  return { esp: esp ? resolve(esp) : null, efivars: efivars ? resolve(efivars) : '/sys/firmware/efi/efivars' };
}

/** Runs `command` with an in-process door over services for the paths the options name; the services are closed afterwards. */
export async function withDoor(args: ParsedArgs, command: (ctx: CommandContext) => Promise<number>, options: { boot?: BootOptions } = {}): Promise<number> {
  const [{ createServices, doorContext }, { inProcessDoor }] = await Promise.all([import('../services.ts'), import('../in-process-door.ts')]);
  const context = doorContext({ ...doorStart(args.values), ...(options.boot ? { boot: options.boot } : {}) });
  const paths = context.paths;
  const services = createServices(context);
  try {
    return await command({ args, paths, door: inProcessDoor(services, cliLog), log: cliLog });
  } finally {
    services.close();
  }
}

/** The value of a call, or its typed error thrown as a GentryError (printed with its hint, exit 2 for bad input). */
export async function answer<K extends CallName>(result: Promise<CallResult<K>>): Promise<Extract<CallResult<K>, { ok: true }>['value']> {
  const r = await result;
  if (!r.ok) throw new GentryError(r.error.code, r.error.message, r.error.hint);
  return r.value;
}

/** Prints `value` as one line of JSON, or `text`, on standard output. */
export function print(json: boolean, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text}\n`);
}

/** A generation number from the command line, or a usage error. */
export function generationNumber(s: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(s) || Number(s) > 4294967295) throw new UsageError(`${JSON.stringify(s)} is not a generation number`);
  return Number(s);
}

/** The profile `--profile` names for switch, delete, label and pins: home (home-manager), a system-profiles/ name, or the system profile. */
export function profileFromOption(values: ParsedArgs['values'], paths: MachinePaths): Pick<GenerationRef, 'kind' | 'name'> {
  const which = stringOption(values, 'profile') ?? basename(paths.systemProfile);
  return which === 'home' || which === 'home-manager' ? { kind: 'home', name: 'home-manager' } : { kind: 'system', name: which };
}

/**
 * A generation as switch, delete and label take it: `N` (the profile --profile names, default the
 * system profile), `home:N` (home-manager) or `PROFILE:N` (system-profiles/PROFILE).
 */
export function generationFromArg(spec: string, values: ParsedArgs['values'], paths: MachinePaths): GenerationRef {
  const m = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):([^:]*)$/.exec(spec);
  if (!m) return { ...profileFromOption(values, paths), number: generationNumber(spec) };
  const [, name, n] = m as unknown as [string, string, string];
  if (stringOption(values, 'profile') !== undefined) throw new UsageError(`${spec} names its profile already: drop --profile`);
  const number = generationNumber(n);
  if (name === 'home' || name === 'home-manager') return { kind: 'home', name: 'home-manager', number };
  if (name === 'user') throw new UsageError('per-user profile generations are not switched, deleted or labelled by Gentry yet (nix profile rollback and nix profile wipe-history do that)');
  return { kind: 'system', name, number };
}
