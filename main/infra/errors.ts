// Typed failures that cross the doors as `{code, message, hint}` (common/contract/errors.ts GentryErrorSchema).
import type { GentryErrorShape } from '../../common/contract/index.ts';

/** An error that says what went wrong and what the person can do next. */
export class GentryError extends Error {
  override name = 'GentryError';
  readonly code: GentryErrorShape['code'];
  readonly hint: string | null;

  constructor(code: GentryErrorShape['code'], message: string, hint: string | null = null) {
    super(message);
    this.code = code;
    this.hint = hint;
  }

  /** The wire form of this error. */
  toShape(): GentryErrorShape {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}

/** What a failed write's errno means for a person: what happened and what to do. */
function writeFailure(code: string | undefined, dir: string): { what: string; todo: string } {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { what: code === 'EDQUOT' ? 'your disk quota is used up' : `the file system holding ${dir} is full`, todo: `Free some space there (for example \`nix-collect-garbage\` or \`du -sh ${dir}\` to see what is large), then try again.` };
    case 'EROFS':
      return { what: `the file system holding ${dir} is mounted read-only`, todo: `Mount it read-write, or point Gentry at a writable place (XDG_STATE_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME), then try again.` };
    case 'EACCES':
    case 'EPERM':
      return { what: 'permission was denied', todo: `Check that you own ${dir} and may write there (\`ls -ld ${dir}\`); Gentry writes its own files as you, never as root.` };
    case 'ENOENT':
    case 'ENOTDIR':
      return { what: `a folder on the way to it is missing or is not a folder`, todo: `Create ${dir} (or remove what is in its place), then try again.` };
    case 'EISDIR':
      return { what: 'a folder is in its place', todo: 'Move that folder away, then try again.' };
    default:
      return { what: 'the system refused it', todo: 'Try again; if it keeps failing, report it with this message.' };
  }
}

/** A failed write of `file` as one GentryError: the file, what happened (from the errno), and what to do. */
export function fileWriteError(file: string, dir: string, err: unknown): GentryError {
  if (err instanceof GentryError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const { what, todo } = writeFailure(code, dir);
  return new GentryError('unavailable', `${file} could not be written: ${what}${code ? ` (${code})` : ''}`, todo);
}
