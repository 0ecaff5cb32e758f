// The world builder: real Nix worlds (store paths, profiles, an ESP) for tests and the demo.
export { buildWorld } from './build-world.ts';
export { loadWorld } from './load-world.ts';
export { removeWorld } from './remove-world.ts';
export type { World, WorldOptions } from './world-types.ts';
