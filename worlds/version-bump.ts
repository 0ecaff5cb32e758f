// The next version of a package, in the shapes nixpkgs versions take.

const unstable = /^(.*unstable-)(\d{4}-\d{2}-\d{2})$/;

/** The version after `version`: a patch bump, or a minor bump (next minor, patch reset) when `minor`. */
export function bumpVersion(version: string, minor: boolean): string {
  const snapshot = unstable.exec(version);
  if (snapshot) {
    const next = new Date(`${snapshot[2]}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + (minor ? 61 : 17));
    return `${snapshot[1]}${next.toISOString().slice(0, 10)}`;
  }
  const letter = /^(.*\d)([a-y])$/.exec(version);
  if (letter && !minor) return `${letter[1]}${String.fromCharCode((letter[2] as string).charCodeAt(0) + 1)}`;
  const runs = [...version.matchAll(/\d+/g)];
  if (runs.length === 0) return `${version}.1`;
  const bumpAt = minor && runs.length >= 2 ? runs.length - 2 : runs.length - 1;
  let out = '';
  let cursor = 0;
  runs.forEach((run, i) => {
    const digits = run[0];
    out += version.slice(cursor, run.index);
    if (i === bumpAt) out += String(Number(digits) + 1).padStart(digits.length, '0');
    else if (i > bumpAt) out += '0'.padStart(digits.length > 2 ? 1 : digits.length, '0');
    else out += digits;
    cursor = run.index + digits.length;
  });
  // A trailing letter (openssl's 1.1.1w) goes away with a minor bump.
  return out + version.slice(cursor).replace(/^[a-z]$/, '');
}
