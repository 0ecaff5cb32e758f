// The world's nixpkgs: every package it can hold, parsed from the row tables, per preset tier.
import { appRows } from './catalog-app-rows.ts';
import { coreRows } from './catalog-core-rows.ts';
import { desktopRows } from './catalog-desktop-rows.ts';
import { gnomeFamily, rFamily } from './catalog-families-extra.ts';
import { perlFamily, pythonFamily, qtFamily, xorgFamily, type FamilySpec } from './catalog-families.ts';
import { etcRows, unitRows } from './catalog-services.ts';
import { unitDraw } from './world-hash.ts';

/** How much of the catalog a preset holds; each tier includes the ones before it. */
export type Tier = 'small' | 'demo' | 'large';
/** How often a package changes at a channel update. */
export type Layer = 'core' | 'lib' | 'app' | 'module';

/** One package of the catalog. */
export interface PackageDef {
  attr: string;
  pname: string;
  /** The version at the world's first channel revision. */
  version: string;
  sizeKiB: number;
  outputs: string[];
  deps: string[];
  tier: Tier;
  layer: Layer;
  /** Always in environment.systemPackages. */
  system: boolean;
  /** Sometimes in environment.systemPackages (configuration changes toggle it). */
  optional: boolean;
  /** A home-manager / user-profile package. */
  home: boolean;
  /** For a withPackages environment: the interpreter attr whose version it carries. */
  envBase: string | null;
  /** For a withPackages environment: what ends its name (env, wrapper). */
  envSuffix: string;
}

/** One systemd unit a configuration generates. */
export interface UnitDef {
  name: string;
  attr: string | null;
  tier: Tier;
  restartTrigger: boolean;
  script: boolean;
  user: boolean;
}

/** One /etc file a configuration generates. */
export interface EtcDef {
  name: string;
  attrs: string[];
  tier: Tier;
}

/** The catalog as one preset sees it. */
export interface Catalog {
  tier: Tier;
  packages: Map<string, PackageDef>;
  /** Attrs in dependency order (dependencies first). */
  order: string[];
  units: UnitDef[];
  etcFiles: EtcDef[];
}

const tierRank: Record<Tier, number> = { small: 0, demo: 1, large: 2 };
const tierByLetter: Record<string, Tier> = { s: 'small', d: 'demo', l: 'large' };

function parseTier(letter: string, where: string): Tier {
  const tier = tierByLetter[letter];
  if (!tier) throw new Error(`catalog: bad tier "${letter}" in ${where}`);
  return tier;
}

function list(field: string | undefined): string[] {
  return field === undefined || field === '-' ? [] : field.split(',');
}

function lines(rows: string): string[][] {
  return rows
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split(/\s+/));
}

/** Parses rows; `layer` is for unflagged rows, optional and home packages change like applications. */
function parseRows(rows: string, layer: Layer, systemLayer: Layer): PackageDef[] {
  return lines(rows).map((fields) => {
    const [attr, pname, version, size, outputs, deps, tierFlags] = fields;
    if (!attr || !pname || !version || !size || !outputs || !deps || !tierFlags || fields.length !== 7) {
      throw new Error(`catalog: bad row "${fields.join(' ')}"`);
    }
    const flags = tierFlags.slice(1);
    const chosen = /[OH]/.test(flags);
    return {
      attr,
      pname: pname === '=' ? attr : pname,
      version,
      sizeKiB: Number(size),
      outputs: list(outputs),
      deps: [...(flags.includes('n') || attr === 'glibc' ? [] : ['glibc']), ...list(deps)],
      tier: parseTier(tierFlags[0] ?? '', attr),
      layer: chosen ? 'app' : flags.includes('S') ? systemLayer : layer,
      system: flags.includes('S'),
      optional: flags.includes('O'),
      home: flags.includes('H'),
      envBase: null,
      envSuffix: '',
    };
  });
}

function reaches(from: string, to: string, deps: Map<string, string[]>): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const at = stack.pop() as string;
    if (at === to) return true;
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...(deps.get(at) ?? []));
  }
  return false;
}

function parseFamily(family: FamilySpec): PackageDef[] {
  const members = lines(family.rows);
  const names = new Set(members.map((fields) => fields[0]));
  const defs = members.map((fields, index): PackageDef => {
    const [name = '', second = '', ...rest] = fields;
    const hasPname = !/^\d/.test(second);
    const pname = hasPname ? second : name;
    const [version = '', outputs, deps] = hasPname ? rest : [second, ...rest];
    const attr = `${family.key}.${name}`;
    const local = (dep: string): string => (names.has(dep) && dep !== name ? `${family.key}.${dep}` : dep);
    const [low, high] = family.sizeKiB;
    return {
      attr,
      pname: `${family.pnamePrefix}${pname}`,
      version,
      sizeKiB: Math.round(low * Math.pow(high / low, unitDraw('family-size', attr))),
      outputs: list(outputs ?? 'out'),
      deps: [...new Set(['glibc', ...family.baseDeps, ...list(deps).map(local)])],
      tier: index < family.demoCount ? 'demo' : 'large',
      layer: 'module',
      system: family.systemPackages ?? false,
      optional: false,
      home: false,
      envBase: null,
      envSuffix: '',
    };
  });
  // A few extra links to earlier members, skipped where they would close a cycle.
  const graph = new Map(defs.map((def) => [def.attr, def.deps]));
  defs.forEach((def, index) => {
    for (let k = 0; k < family.randomDeps && index > 0; k++) {
      if (unitDraw('family-dep?', def.attr, k) >= 0.5) continue;
      const earlier = defs[Math.floor(unitDraw('family-dep', def.attr, k) * index)] as PackageDef;
      if (!def.deps.includes(earlier.attr) && !reaches(earlier.attr, def.attr, graph)) def.deps.push(earlier.attr);
    }
  });
  return defs;
}

function envDef(attr: string, base: PackageDef, suffix: string, tier: Tier, members: PackageDef[]): PackageDef {
  return {
    attr,
    pname: base.pname,
    version: base.version,
    sizeKiB: 180,
    outputs: ['out'],
    deps: [base.attr, ...members.map((m) => m.attr)],
    tier,
    layer: 'app',
    system: true,
    optional: false,
    home: false,
    envBase: base.attr,
    envSuffix: suffix,
  };
}

function allPackages(): PackageDef[] {
  const [xorg, python, perl, qt, gnome, r] = [xorgFamily, pythonFamily, perlFamily, qtFamily, gnomeFamily, rFamily].map(parseFamily) as [
    PackageDef[], PackageDef[], PackageDef[], PackageDef[], PackageDef[], PackageDef[],
  ];
  const core = parseRows(coreRows, 'core', 'core');
  const apps = parseRows(appRows, 'lib', 'app');
  const find = (attr: string): PackageDef => {
    const def = [...core, ...apps].find((d) => d.attr === attr);
    if (!def) throw new Error(`catalog: no ${attr}`);
    return def;
  };
  return [
    ...core,
    ...xorg,
    ...parseRows(desktopRows, 'lib', 'app'),
    ...python,
    ...perl,
    ...qt,
    ...gnome,
    ...r,
    ...apps,
    envDef('python3-env', find('python3'), 'env', 'demo', python),
    envDef('perl-env', find('perl'), 'env', 'demo', perl),
    envDef('R-wrapper', find('R'), 'wrapper', 'large', r),
  ];
}

function topologicalOrder(packages: Map<string, PackageDef>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (attr: string, trail: string[]): void => {
    const seen = state.get(attr);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new Error(`catalog: dependency cycle ${[...trail, attr].join(' -> ')}`);
    state.set(attr, 'visiting');
    for (const dep of packages.get(attr)?.deps ?? []) visit(dep, [...trail, attr]);
    state.set(attr, 'done');
    order.push(attr);
  };
  for (const attr of packages.keys()) visit(attr, []);
  return order;
}

function loadCatalog(tier: Tier): Catalog {
  const everything = allPackages();
  const known = new Set<string>();
  for (const def of everything) {
    if (known.has(def.attr)) throw new Error(`catalog: ${def.attr} is listed twice`);
    known.add(def.attr);
  }
  for (const def of everything) {
    for (const dep of def.deps) if (!known.has(dep)) throw new Error(`catalog: ${def.attr} needs unknown ${dep}`);
  }
  // Applications other packages build on change as often as libraries.
  const needed = new Set(everything.flatMap((def) => (def.envBase ? [] : def.deps)));
  for (const def of everything) if (def.layer === 'app' && needed.has(def.attr)) def.layer = 'lib';
  const inTier = <T extends { tier: Tier }>(item: T): boolean => tierRank[item.tier] <= tierRank[tier];
  const packages = new Map<string, PackageDef>();
  for (const def of everything.filter(inTier)) packages.set(def.attr, def);
  for (const def of packages.values()) def.deps = def.deps.filter((dep) => packages.has(dep));
  const units = lines(unitRows).map(([name = '', attr = '-', tierFlags = '']) => ({
    name,
    attr: attr !== '-' && packages.has(attr) ? attr : null,
    tier: parseTier(tierFlags[0] ?? '', name),
    restartTrigger: tierFlags.includes('t'),
    script: tierFlags.includes('x'),
    user: tierFlags.includes('u'),
  }));
  const etcFiles = lines(etcRows).map(([name = '', attrs = '-', letter = '']) => ({
    name,
    attrs: list(attrs).filter((attr) => packages.has(attr)),
    tier: parseTier(letter, name),
  }));
  return { tier, packages, order: topologicalOrder(packages), units: units.filter(inTier), etcFiles: etcFiles.filter(inTier) };
}

const loaded = new Map<Tier, Catalog>();

/** The catalog a preset of `tier` holds (parsed once per tier). */
export function catalogFor(tier: Tier): Catalog {
  let catalog = loaded.get(tier);
  if (!catalog) {
    catalog = loadCatalog(tier);
    loaded.set(tier, catalog);
  }
  return catalog;
}
