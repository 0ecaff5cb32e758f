// Git revisions as shown in narrow columns.

/** Shortens a full 40-character git revision to its first 7 characters; anything else is kept as is. */
export function shortRevision(revision: string): string {
  return /^[0-9a-f]{40}$/i.test(revision) ? revision.slice(0, 7) : revision;
}
