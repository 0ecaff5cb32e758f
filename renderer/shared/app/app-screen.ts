// Which screen the window shows, decided from what has loaded so far.
import type { GentryErrorShape, Machine, ProfileList } from '../../../common/contract/index.ts';

/** The screens of the app: loading, one of two error screens, the welcome panel, the generations, or a diff. */
export type AppScreen = 'loading' | 'machine-error' | 'welcome' | 'list-error' | 'generations' | 'diff';

/** What the screen choice depends on. */
export type ScreenInputs = {
  machine: Machine | null;
  machineError: GentryErrorShape | null;
  list: ProfileList | null;
  listError: GentryErrorShape | null;
  /** The person chose to see the profiles Gentry found despite there being no system profile. */
  showWithoutSystem: boolean;
  /** True when a diff is open (it shows in place of the generations). */
  diffOpen?: boolean;
};

/** Picks the screen: the welcome panel wins on a machine without a system profile (unless demo or dismissed); an open diff replaces the generations. */
export function pickScreen(inputs: ScreenInputs): AppScreen {
  const { machine, machineError, list, listError, showWithoutSystem, diffOpen = false } = inputs;
  if (machine === null) return machineError ? 'machine-error' : 'loading';
  if (!machine.hasSystemProfile && !machine.demo && !showWithoutSystem) return 'welcome';
  if (list === null) return listError ? 'list-error' : 'loading';
  return diffOpen ? 'diff' : 'generations';
}

/** How many profiles have at least one generation (the welcome panel offers to show them anyway). */
export function profilesWithGenerations(list: ProfileList | null): number {
  return list ? list.profiles.filter((profile) => profile.generations.length > 0).length : 0;
}
