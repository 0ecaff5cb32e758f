// The fast manifest scan against the strict reader: the same entries wherever it answers, null (the strict reader
// then decides) for every form it does not take.
import { describe, expect, it } from 'vitest';
import { type EntrySpec, manifestText } from '../../test-support/guix-world.ts';
import { manifestFromSexp } from './manifest.ts';
import { fastManifest } from './manifest-fast.ts';
import { list, readSexp, str, sym } from './sexp.ts';

const glibc: EntrySpec = { name: 'glibc', version: '2.41', searchPaths: [{ variable: 'GUIX_LOCPATH', files: ['lib/locale', 'share/locale'], separator: ':', type: 'directory', pattern: null }] };
const certs: EntrySpec = { name: 'nss-certs', version: '3.107', searchPaths: [{ variable: 'SSL_CERT_FILE', files: ['etc/ssl/certs/ca-certificates.crt'], separator: null, type: 'regular', pattern: '^ca-.*$' }] };
const strict = (text: string) => manifestFromSexp(readSexp(text));

describe('fastManifest', () => {
  it('reads a plain version-4 manifest as the strict reader does: dependencies, repeated ones, search paths, outputs, comments', () => {
    const text = manifestText([{ name: 'gcc-toolchain', version: '14.3.0', deps: [glibc, { name: 'binutils', version: '2.44', deps: [glibc] }] }, { name: 'git', version: '2.47.1', output: 'send-email', deps: [glibc, certs] }, certs, { name: 'empty', version: '' }], 4);
    expect(text).toContain('(repeated ');
    const fast = fastManifest(text);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(strict(text));
    expect(fastManifest('(manifest (version 4) (packages ()))')).toEqual({ version: 4, entries: [] });
    expect(fastManifest('(manifest (version 4) (packages (("a" "1" "out" "/gnu/store/x-a-1" (properties ()) (search-paths ())))))')).toEqual(strict('(manifest (version 4) (packages (("a" "1" "out" "/gnu/store/x-a-1" (properties ()) (search-paths ())))))'));
  });

  it('answers null for what it does not take, each of which the strict reader reads or refuses', () => {
    const props = manifestText([{ name: 'emacs', version: '30.2', properties: list([list([sym('profile-name')], str('editor'))]) }], 4);
    for (const text of [
      manifestText([{ name: 'git', version: '2.47.1' }], 3), // version 3
      props, // properties
      '(manifest (version 4) (packages (("a\\"b" "1" "out" "/gnu/store/x-a-1"))))', // an escape
      '(manifest (version 4 1) (packages ()))', // a minor version
      '(manifest (version 4) (packages (("a" "1" "out" "/gnu/store/x-a-1" (unknown-field x)))))', // an unknown field
      '(manifest (version 4) (packages ((repeated "a" "1" "/gnu/store/x-a-1"))))', // repeated before its entry
      '(manifest (version 4) (packages (("a" "1" "out"))))', // too short
      '(manifest (version 4) (packages ())) trailing', // text after the datum
      '(manifest (version 4) (packages (("a" "1" "out" "/gnu/store/x-a-1"', // cut off
    ]) {
      expect(fastManifest(text), text).toBeNull();
    }
    expect(strict(props).entries[0]!.properties).toBe('((profile-name . "editor"))');
  });
});
