// Reading one of Guix's data files the safe way (as main/infra/state-file.ts does for Gentry's own files):
// opened with O_NONBLOCK so a FIFO or device cannot hang the read, fstat'ed to be a regular file, read up to a
// size cap, then parsed by the strict s-expression reader. Every failure is a sentence for a `problem`.
import { openRegularFile } from '../infra/state-file.ts';
import { readSexp, type Sexp, SexpError } from './sexp.ts';

/** The largest Guix data file read (a manifest of many thousand entries is a few MiB). */
export const GUIX_FILE_MAX_BYTES = 32 * 1024 * 1024;

/** What reading a file found: its datum, that it is missing, or a problem sentence. */
export type GuixFileResult = { ok: true; datum: Sexp } | { ok: false; missing: boolean; problem: string };

/** What reading a file's text found. */
export type GuixTextResult = { ok: true; text: string } | { ok: false; missing: boolean; problem: string };

/** Reads and parses `file`; never throws. */
export async function readGuixFile(file: string, maxBytes = GUIX_FILE_MAX_BYTES): Promise<GuixFileResult> {
  const r = await readGuixText(file, maxBytes);
  return r.ok ? parseGuixText(file, r.text) : r;
}

/** Parses the text of `file` with the strict reader; never throws a reader error. */
export function parseGuixText(file: string, text: string): GuixFileResult {
  try {
    return { ok: true, datum: readSexp(text) };
  } catch (err) {
    if (err instanceof SexpError) return { ok: false, missing: false, problem: `${file} is not readable Scheme data: ${err.message}` };
    throw err;
  }
}

/** Reads `file`'s text (safely, size-capped); never throws. */
export async function readGuixText(file: string, maxBytes = GUIX_FILE_MAX_BYTES): Promise<GuixTextResult> {
  let text: string;
  try {
    const handle = await openRegularFile(file);
    if (handle === null) return { ok: false, missing: true, problem: `${file} is missing` };
    try {
      const chunks: Buffer[] = [];
      let got = 0;
      // The first read is sized by fstat (plus one byte to see the end); a file still growing is read on in 1 MiB steps.
      let want = Math.min(maxBytes + 1, (await handle.stat()).size + 1);
      for (;;) {
        const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - got));
        want = 1024 * 1024;
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, got);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        got += bytesRead;
        if (got > maxBytes) return { ok: false, missing: false, problem: `${file} is larger than ${maxBytes} bytes, more than Guix writes there; Gentry does not read it` };
      }
      text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (err) {
    return { ok: false, missing: false, problem: (err as Error).message };
  }
  return { ok: true, text };
}
