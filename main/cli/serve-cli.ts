// `gentry serve` and `gentry demo`: these commands start another door (the web door, or the Electron
// window) over the same services, and keep it open until SIGINT or SIGTERM.
import { join, resolve } from 'node:path';
import { GentryError } from '../infra/errors.ts';
import { type ParsedArgs, parsePort } from './args.ts';
import { bootOptions, cliLog as log, doorStart, stringOption } from './command-context.ts';

/** gentry serve [--port N] [--open] [--esp PATH] [--efivars PATH] */
async function serve(args: ParsedArgs): Promise<number> {
  const port = parsePort(args.values.port);
  const [{ closeOnSignal, serveUi }, { createServices, doorContext }] = await Promise.all([import('./launch.ts'), import('../services.ts')]);
  const services = createServices(doorContext({ ...doorStart(args.values), boot: bootOptions(args.values) }));
  const door = await serveUi(services, log, port, args.values.open === true);
  await closeOnSignal(door, services);
  return 0;
}

/** gentry demo [--dir DIR] [--port N] [--no-open] [--electron] [--esp PATH] [--efivars PATH] */
async function demo(args: ParsedArgs): Promise<number> {
  const { values } = args;
  const port = parsePort(values.port);
  const [{ defaultDemoDir, openDemoWorld, worldPaths }, { closeOnSignal, electronLauncher, hasDisplay, runElectron, serveUi }, { createServices, doorContext }] = await Promise.all([
    import('../demo/demo-world.ts'),
    import('./launch.ts'),
    import('../services.ts'),
  ]);
  const dir = resolve(stringOption(values, 'dir') ?? defaultDemoDir());
  const world = await openDemoWorld(dir, log);
  log.info(`demo machine ready in ${dir}`);
  const paths = worldPaths(world);
  const launcher = electronLauncher();
  if (values.electron || (launcher && hasDisplay() && !values.port)) {
    if (!launcher) throw new GentryError('unavailable', 'The Electron binary is not installed.', 'Run npm start once with network access (it downloads Electron), or drop --electron to use the browser.');
    return runElectron(launcher, ['--demo', '--system-profile', paths.systemProfile, '--home-profile', paths.homeProfiles[0] as string, '--user-profile', paths.userProfiles[0] as string, '--booted-system', paths.bootedSystem]);
  }
  const esp = stringOption(values, 'esp');
  const efivars = stringOption(values, 'efivars');
  const boot = { esp: esp ? resolve(esp) : world.esp, efivars: efivars ? resolve(efivars) : join(world.root, 'sys/firmware/efi/efivars') };
  const services = createServices(doorContext({ ...doorStart(values), paths, demo: true, boot }));
  const door = await serveUi(services, log, port, values['no-open'] !== true);
  await closeOnSignal(door, services);
  return 0;
}

/** Runs `serve` or `demo`. */
export async function run(args: ParsedArgs): Promise<number> {
  return args.command === 'demo' ? demo(args) : serve(args);
}
