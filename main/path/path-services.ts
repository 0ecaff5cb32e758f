// main/path/: which profile's command runs on PATH (the commandPath call of common/contract/path.ts).
import type { GentryHandlers } from '../../common/contract/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { pathReport } from './path-report.ts';

/** The handlers of the PATH calls: `dirs`, or the PATH this process was started with. */
export function pathHandlers(deps: ServiceDeps): Pick<GentryHandlers, 'commandPath'> {
  return {
    commandPath: async ({ dirs }) => pathReport(deps.paths(), dirs ?? (process.env.PATH ?? '').split(':')),
  };
}
