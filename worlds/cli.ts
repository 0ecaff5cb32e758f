// Command line for worlds:
//   node worlds/cli.ts build [--preset P] [--dir D] [--system-generations N] [--home-generations N] [--quirks] [--seed S] [--now ISO]
//                               [--boot-loader systemd-boot|grub] [--grub-default 0|saved]
//   node worlds/cli.ts remove DIR
import { parseArgs } from 'node:util';
import { buildWorld } from './build-world.ts';
import { isPresetName } from './presets.ts';
import { removeWorld } from './remove-world.ts';
import { worldLayout } from './world-layout.ts';

const usage = `usage:
  node worlds/cli.ts build [--preset small|demo|large] [--dir D] [--system-generations N]
                              [--home-generations N] [--quirks] [--seed S] [--now ISO-DATE]
                              [--boot-loader systemd-boot|grub] [--grub-default 0|saved]
  node worlds/cli.ts remove DIR`;

function positiveInteger(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer, not "${text}"`);
  return n;
}

/** Runs the command line with `argv` (without node and the script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'build') {
    const { values } = parseArgs({
      args: rest,
      options: {
        preset: { type: 'string', default: 'small' },
        dir: { type: 'string' },
        'system-generations': { type: 'string' },
        'home-generations': { type: 'string' },
        quirks: { type: 'boolean', default: false },
        seed: { type: 'string' },
        now: { type: 'string' },
        'boot-loader': { type: 'string', default: 'systemd-boot' },
        'grub-default': { type: 'string', default: '0' },
      },
    });
    const bootLoader = values['boot-loader'];
    if (bootLoader !== 'systemd-boot' && bootLoader !== 'grub') throw new Error(`--boot-loader is systemd-boot or grub, not "${bootLoader}"`);
    const grubDefault = values['grub-default'];
    if (grubDefault !== '0' && grubDefault !== 'saved') throw new Error(`--grub-default is 0 or saved, not "${grubDefault}"`);
    const preset = values.preset ?? 'small';
    if (!isPresetName(preset)) throw new Error(`unknown preset "${preset}" (small, demo or large)`);
    const now = values.now === undefined ? undefined : new Date(values.now);
    if (now && Number.isNaN(now.getTime())) throw new Error(`--now needs a date, not "${values.now}"`);
    const world = await buildWorld({
      preset,
      dir: values.dir,
      systemGenerations: positiveInteger(values['system-generations'], '--system-generations'),
      homeGenerations: positiveInteger(values['home-generations'], '--home-generations'),
      quirks: values.quirks,
      seed: values.seed,
      now,
      bootLoader,
      grubDefault,
    });
    console.log(worldLayout(world.root).worldJson);
    return 0;
  }
  if (command === 'remove' && rest.length === 1) {
    await removeWorld(rest[0] as string);
    return 0;
  }
  console.error(usage);
  return 2;
}

if (import.meta.main) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`world: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
