// Errors people can act on (issue 12): a write that fails because the disk is full, the file system is
// read-only, permission is denied or a folder is missing is one GentryError naming the file, what happened
// and what to do. Real failures, made in a child process: a tiny tmpfs (ENOSPC) or a read-only one (EROFS)
// mounted in its own mount namespace, and a user namespace in which root has no DAC override (EACCES).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileWriteError } from './errors.ts';

const labels = join(resolve(import.meta.dirname), '../labels/labels.ts');
// Labels generation 1 in the state directory argv[1] with a note of argv[2] bytes; prints the error as JSON.
const script = `
import { writeLabel } from ${JSON.stringify(labels)};
const [dir, noteBytes] = process.argv.slice(1);
try {
  await writeLabel(dir, { profile: '/nix/var/nix/profiles/system', number: 1, storePath: null }, 'kept', 'n'.repeat(Number(noteBytes)));
  console.log(JSON.stringify({ ok: true }));
} catch (err) {
  console.log(JSON.stringify({ name: err.name, code: err.code, message: err.message, hint: err.hint }));
}
`;

function labelIn(prefix: string[], dir: string, noteBytes = 10): { name?: string; code?: string; message?: string; hint?: string; ok?: boolean } {
  const r = spawnSync(prefix[0] as string, [...prefix.slice(1), process.execPath, '--no-warnings', '--input-type=module', '-e', script, '--', dir, String(noteBytes)], { encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`${prefix.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as { name?: string };
}

const mounted = (opts: string, dir: string) => ['unshare', '-m', '--propagation', 'private', 'sh', '-c', `mount -t tmpfs -o ${opts} tmpfs "${dir}" && exec "$@"`, 'sh'];

describe('a failed write of a state file', () => {
  it('on a full disk: ENOSPC, the file, and free some space', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-enospc-'));
    expect(labelIn(mounted('size=8k', dir), dir, 64 * 1024)).toEqual({
      name: 'GentryError',
      code: 'unavailable',
      message: `${dir}/labels.json could not be written: the file system holding ${dir} is full (ENOSPC)`,
      hint: `Free some space there (for example \`nix-collect-garbage\` or \`du -sh ${dir}\` to see what is large), then try again.`,
    });
  });

  it('on a read-only file system: EROFS, the file, and where to point Gentry instead', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-erofs-'));
    expect(labelIn(mounted('ro', dir), dir)).toMatchObject({ name: 'GentryError', message: `${dir}/labels.json could not be written: the file system holding ${dir} is mounted read-only (EROFS)`, hint: expect.stringContaining('XDG_STATE_HOME') });
  });

  it('without permission: EACCES, the file, and whose folder it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-eacces-'));
    chmodSync(dir, 0o555);
    // In a new user namespace root keeps its uid but loses CAP_DAC_OVERRIDE over this one's files.
    expect(labelIn(['unshare', '-U'], dir)).toMatchObject({ name: 'GentryError', message: `${dir}/labels.json could not be written: permission was denied (EACCES)`, hint: `Check that you own ${dir} and may write there (\`ls -ld ${dir}\`); Gentry writes its own files as you, never as root.` });
  });

  it('when a folder on the way is a file: ENOTDIR, and what to remove', () => {
    const base = mkdtempSync(join(tmpdir(), 'gentry-enotdir-'));
    writeFileSync(join(base, 'state'), 'a file where the state folder should be');
    const dir = join(base, 'state/gentry');
    expect(labelIn(['env'], dir)).toMatchObject({ name: 'GentryError', message: `${dir}/labels.json could not be written: a folder on the way to it is missing or is not a folder (ENOTDIR)`, hint: `Create ${dir} (or remove what is in its place), then try again.` });
  });

  it('ENOENT reads the same way, and an unknown errno still names the file', () => {
    expect(fileWriteError('/s/labels.json', '/s', Object.assign(new Error('x'), { code: 'ENOENT' })).message).toBe('/s/labels.json could not be written: a folder on the way to it is missing or is not a folder (ENOENT)');
    expect(fileWriteError('/s/labels.json', '/s', Object.assign(new Error('x'), { code: 'EIO' })).toShape()).toEqual({ code: 'unavailable', message: '/s/labels.json could not be written: the system refused it (EIO)', hint: 'Try again; if it keeps failing, report it with this message.' });
  });
});
