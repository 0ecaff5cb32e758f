// What each preset builds: how much of the catalog, how many generations, which outputs get installed.
import type { Tier } from './catalog.ts';

/** The presets a world can be built from. */
export type PresetName = 'small' | 'demo' | 'large';

/** The settings one preset stands for. */
export interface PresetSettings {
  name: PresetName;
  tier: Tier;
  systemGenerations: number;
  homeGenerations: number;
  /** Share of the optional system packages a configuration starts with. */
  optionalShare: number;
  /** Whether environment.systemPackages installs `output` of a package with `outputs`. */
  installOutputs(output: string, outputs: readonly string[]): boolean;
  /** Packages the gaming specialisation adds. */
  gamingPackages: string[];
  /** Packages the work profile adds. */
  workPackages: string[];
}

const mainOutput = (output: string, outputs: readonly string[]): boolean => output === (outputs.includes('bin') ? 'bin' : 'out');

/** Every preset by name. */
export const presets: Record<PresetName, PresetSettings> = {
  small: {
    name: 'small',
    tier: 'small',
    systemGenerations: 12,
    homeGenerations: 6,
    optionalShare: 0.6,
    installOutputs: mainOutput,
    gamingPackages: [],
    workPackages: ['jq'],
  },
  demo: {
    name: 'demo',
    tier: 'demo',
    systemGenerations: 40,
    homeGenerations: 20,
    optionalShare: 0.6,
    installOutputs: (output, outputs) => mainOutput(output, outputs) || output === 'man',
    gamingPackages: ['steam', 'gamemode'],
    workPackages: ['podman', 'wireguard-tools'],
  },
  large: {
    name: 'large',
    tier: 'large',
    systemGenerations: 100,
    homeGenerations: 30,
    optionalShare: 0.08,
    // environment.extraOutputsToInstall = [ "dev" "man" "doc" "info" … ]: every output.
    installOutputs: () => true,
    gamingPackages: ['steam', 'gamemode', 'mangohud'],
    workPackages: ['slack', 'kubectl', 'terraform', 'openvpn', 'awscli2'],
  },
};

/** True when `name` is a preset. */
export function isPresetName(name: string): name is PresetName {
  return name in presets;
}
