// main/infra/: what every feature folder uses (errors, log, process runner, atomic files); it imports no feature folder.
// Atomic file writes: a temporary file beside the target, written, synced and renamed into place,
// so a reader (or a crash) sees the old file or the new one, never a torn one.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileWriteError } from './errors.ts';

/**
 * Writes `text` to `file` atomically (mode 0600 unless given); creates the directory. A failure (a full or
 * read-only disk, no permission, a missing folder) is a GentryError naming the file and what to do.
 */
export async function writeFileAtomically(file: string, text: string, mode = 0o600): Promise<void> {
  try {
    await writeAtomically(file, text, mode);
  } catch (err) {
    throw fileWriteError(file, dirname(file), err);
  }
}

async function writeAtomically(file: string, text: string, mode: number): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${randomBytes(6).toString('hex')}.gentry-tmp`);
  try {
    const handle = await open(tmp, 'wx', mode);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  // The rename is durable once the directory is synced.
  const d = await open(dir, 'r').catch(() => null);
  if (d) {
    await d.sync().catch(() => undefined);
    await d.close();
  }
}
