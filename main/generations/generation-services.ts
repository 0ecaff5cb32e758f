// main/generations/: listing, history, switch, delete and garbage collection of generations, each after its preview.
// The generation calls: the profile list (labels and closure sizes), each profile's history, and
// switch, delete and garbage collection, each after its preview. System profiles change through the
// privileged helper; home-manager's generations belong to the person and change here (home-actions.ts).
import type { GentryHandlers } from '../../common/contract/index.ts';
import { type ClosureStats, profileHistory } from '../diff/history.ts';
import { type HelperOutcome, runHelper } from '../helper/helper-client.ts';
import { GentryError } from '../infra/errors.ts';
import { applyLabels, findLabel, readLabels, readLabelsReport } from '../labels/labels.ts';
import { cachedClosureSizer } from '../nix/closure-size-cache.ts';
import { type ClosureSizer, openClosureSizer } from '../nix/closure-sizes.ts';
import { readProfileLinks } from '../nix/profile-links.ts';
import { profilePath } from '../nix/profile-path.ts';
import { listProfiles } from '../nix/read-model.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { guixPresent } from '../guix/guix-locations.ts';
import { deleteHome, switchHome } from './home-actions.ts';
import { previewDelete, previewSwitch } from './previews.ts';
import { helperUnavailable } from '../helper/helper-readiness.ts';

type GenerationCalls = 'actionReadiness' | 'listProfiles' | 'history' | 'previewSwitch' | 'switchGeneration' | 'previewDelete' | 'deleteGenerations' | 'previewGc' | 'collectGarbage';

/** Where measured closure sizes are remembered across runs; absent: not remembered. */
export interface GenerationOptions {
  closureCacheFile?: string;
}

const outcome = ({ state, message, result }: HelperOutcome) => ({ state, message, result });

/** The handlers for generations, and `close` for the closure-size reader they open. */
export function generationHandlers(deps: ServiceDeps, options: GenerationOptions = {}): { handlers: Pick<GentryHandlers, GenerationCalls>; close(): void } {
  let sizer: Promise<ClosureSizer> | null = null;
  let sizerDb = '';
  const historyMemo: ClosureStats = new Map();

  const getSizer = (): Promise<ClosureSizer> => {
    const db = deps.paths().nixDb;
    if (!sizer || sizerDb !== db) {
      sizerDb = db;
      const open = () =>
        openClosureSizer(db, deps.run).then((s) => {
          if (s.notice) deps.log.warn(s.notice);
          return s;
        });
      sizer = options.closureCacheFile ? Promise.resolve(cachedClosureSizer(open, options.closureCacheFile, deps.log)) : open();
    }
    return sizer;
  };
  const runAction = async (args: string[]) => {
    const done = await runHelper(deps.helper, args, (e) => deps.emit('actionProgress', { message: typeof e.message === 'string' ? e.message : JSON.stringify(e) }));
    deps.emit('profilesChanged', { reason: args[0] as string });
    return outcome(done);
  };
  const labelledPreview = async (kind: 'system' | 'home', name: string, numbers: number[]) => {
    const preview = await previewDelete(deps.paths(), await deps.reader(), name, numbers, kind);
    const labels = await readLabels(deps.stateDir);
    const { generations } = await readProfileLinks(preview.profile);
    const labelled = preview.generations.flatMap((n) => {
      const found = findLabel(labels, preview.profile, n, generations.find((g) => g.number === n)?.target ?? null);
      return found ? [{ number: n, label: found.label }] : [];
    });
    return { ...preview, labelled };
  };

  const handlers: Pick<GentryHandlers, GenerationCalls> = {
    listProfiles: async () => {
      const { labels, problems } = await readLabelsReport(deps.stateDir);
      const list = applyLabels(await listProfiles(deps.paths(), await getSizer()), labels, problems);
      // The Guix readers load only where there is something of Guix: a pure-Nix listing costs one stat more.
      const guixPaths = deps.paths().guix;
      const guix = (await guixPresent(guixPaths)) ? await (await import('../guix/guix-listing.ts')).listGuixProfiles(guixPaths) : null;
      return guix === null ? list : { ...list, guixProfiles: guix };
    },
    history: async ({ kind, name }) => ({ points: await profileHistory(await profilePath(deps.paths(), kind, name), kind, await deps.reader(), historyMemo) }),
    actionReadiness: async () => {
      const reason = await helperUnavailable(deps.helper);
      return { privileged: { ready: reason === null, reason } };
    },
    previewSwitch: async ({ generation: g }) => {
      if (g.kind === 'user') throw new GentryError('bad-input', 'per-user profiles are switched with nix profile rollback, not by Gentry yet', null);
      return previewSwitch(deps.paths(), await deps.reader(), g.name, g.number, g.kind);
    },
    switchGeneration: async ({ generation: g, mode }) => {
      if (g.kind === 'home') {
        const result = await switchHome(await profilePath(deps.paths(), 'home', g.name), g.number, deps.run);
        deps.emit('profilesChanged', { reason: 'switch' });
        return result;
      }
      if (g.kind !== 'system') throw new GentryError('bad-input', 'only system and home-manager generations can be switched here', null);
      return runAction(['switch', '--profile', g.name, '--generation', String(g.number), '--mode', mode]);
    },
    previewDelete: async ({ kind, name, numbers }) => labelledPreview(kind, name, numbers),
    deleteGenerations: async ({ kind, name, numbers, confirmLabelled }) => {
      const preview = await labelledPreview(kind, name, numbers); // the same refusals, before any password
      if (preview.labelled.length > 0 && confirmLabelled !== true) {
        const which = preview.labelled.map((l) => `${l.number} (“${l.label}”)`).join(', ');
        throw new GentryError('bad-input', `generation${preview.labelled.length === 1 ? '' : 's'} ${which} ${preview.labelled.length === 1 ? 'is' : 'are'} labelled and protected`, 'Confirm that labelled generations may go (the dialog asks; on the command line pass --delete-labelled), or remove the label first.');
      }
      if (kind === 'home') {
        const result = await deleteHome(await profilePath(deps.paths(), 'home', name), numbers);
        deps.emit('profilesChanged', { reason: 'delete' });
        return result;
      }
      return runAction(['delete-generations', '--profile', name, ...numbers.flatMap((n) => ['--generation', String(n)])]);
    },
    previewGc: async () => {
      const dry = await runHelper(deps.helper, ['collect-garbage', '--dry-run']);
      const r = dry.result ?? {};
      return { outcome: outcome(dry), deadPaths: typeof r.deadPaths === 'number' ? r.deadPaths : null, bytes: typeof r.bytes === 'number' ? r.bytes : null };
    },
    collectGarbage: async () => runAction(['collect-garbage']),
  };
  return {
    handlers,
    close() {
      void sizer?.then((s) => s.close());
    },
  };
}
