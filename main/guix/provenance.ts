// A system or home generation's `provenance`: the channels it was built from and its configuration file, read as
// Guix's sexp->system-provenance reads it (gnu/services.scm:530-630).
import { properList, type Sexp, writeSexp } from './sexp.ts';

/** One channel: name, repository URL, branch and commit (branch and commit may be absent: null). */
export interface GuixChannel {
  name: string;
  url: string;
  branch: string | null;
  commit: string | null;
}

/** What a generation was built from. */
export interface GuixProvenance {
  channels: GuixChannel[];
  configurationFile: string | null;
}

/** Raised for a provenance file of another shape (Guix itself then shows no channels). */
export class ProvenanceFormatError extends Error {
  override name = 'ProvenanceFormatError';
}

const head = (x: Sexp | undefined, name: string): Sexp[] | null => {
  const items = properList(x);
  return items !== null && items[0]?.type === 'symbol' && items[0].name === name ? items : null;
};
const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);
const bad = (what: string, x: Sexp | undefined): never => {
  throw new ProvenanceFormatError(`${what}, found ${x === undefined ? 'nothing' : clip(writeSexp(x))}`);
};
const value = (x: Sexp | undefined, name: string): Sexp | undefined => {
  const f = head(x, name);
  return f !== null && f.length === 2 ? f[1] : undefined;
};
const textOrFalse = (x: Sexp | undefined, what: string): string | null => (x?.type === 'boolean' && !x.value ? null : x?.type === 'string' ? x.value : bad(`expected ${what} (a string or #f)`, x));

function channel(x: Sexp): GuixChannel {
  const items = head(x, 'channel');
  const name = value(items?.[1], 'name');
  const url = value(items?.[2], 'url');
  const branch = value(items?.[3], 'branch');
  const commit = value(items?.[4], 'commit');
  if (items === null || name === undefined || url === undefined || branch === undefined || commit === undefined) return bad('expected (channel (name …) (url …) (branch …) (commit …) …)', x);
  if (name.type !== 'symbol') return bad('expected the channel name (a symbol)', name);
  if (url.type !== 'string') return bad('expected the channel URL (a string)', url);
  return { name: name.name, url: url.value, branch: textOrFalse(branch, 'the branch'), commit: textOrFalse(commit, 'the commit') };
}

/** Reads `(provenance (version 0) (channels CHANNEL …) (configuration-file FILE|#f))`; throws ProvenanceFormatError. */
export function provenanceFromSexp(x: Sexp): GuixProvenance {
  const items = head(x, 'provenance');
  const version = value(items?.[1], 'version');
  const channels = head(items?.[2], 'channels');
  const config = value(items?.[3], 'configuration-file');
  if (items === null || items.length !== 4 || version?.type !== 'integer' || version.value !== 0n || channels === null || config === undefined) {
    return bad('unrecognized provenance: expected (provenance (version 0) (channels …) (configuration-file …))', x);
  }
  return { channels: channels.slice(1).map(channel), configurationFile: textOrFalse(config, 'the configuration file') };
}
