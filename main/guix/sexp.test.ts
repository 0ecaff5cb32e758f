import { describe, expect, it } from 'vitest';
import { list, readSexp, SexpError, str, sym, writeSexp } from './sexp.ts';

/** The error readSexp raises for `text`, as "reason @ offset line:column". */
function errorOf(text: string, limits = {}): string {
  try {
    readSexp(text, limits);
  } catch (err) {
    if (err instanceof SexpError) return `${err.reason} @ ${err.offset} ${err.line}:${err.column}`;
    throw err;
  }
  throw new Error(`read without an error: ${text}`);
}

describe('readSexp: the forms Guix writes', () => {
  it('reads lists, dotted pairs, strings with Guile escapes, symbols, integers, booleans, keywords, bytevectors and quote', () => {
    const x = readSexp(';; a comment\n\n(manifest (version 4) ("a\\tb\\n\\"q\\"\\\\\\x41;\\u00e9" -12 #t #f #true #:key #vu8(0 255) (k . v) \'guix)) ; after');
    expect(writeSexp(x)).toBe('(manifest (version 4) ("a\\tb\\n\\"q\\"\\\\A;é" -12 #t #f #t #:key #vu8(0 255) (k . v) (quote guix)))');
    expect(readSexp('"x\\\n  y"')).toEqual(str('x  y')); // a line continuation keeps the following blanks (hungry-eol-escapes is off)
    expect(readSexp('(a . (b . (c)))')).toEqual(list([sym('a'), sym('b'), sym('c')]));
    expect(writeSexp(readSexp('(a . (b . c))'))).toBe('(a b . c)');
    expect(readSexp('123456789012345678901234567890')).toEqual({ type: 'integer', value: 123456789012345678901234567890n });
  });

  it('writes strings as Guile writes them', () => {
    expect(writeSexp(str('\x00\x07\b\t\n\v\f\r\x1b\x7f"\\'))).toBe('"\\x00\\a\\b\\t\\n\\v\\f\\r\\x1b\\x7f\\"\\\\"');
  });
});

describe('readSexp: malformed input is a precise error', () => {
  it.each([
    ['', 'unexpected end of input: expected a datum @ 0 1:1'],
    ['(a (b)', 'unexpected end of input: expected ")" to close the list opened at offset 0 @ 6 1:7'],
    ['(a)\n)', 'unexpected text after the datum: expected the end of the file @ 4 2:1'],
    [')', 'unexpected ")": expected a datum @ 0 1:1'],
    ['(a b', 'unexpected end of input: expected ")" to close the list opened at offset 0 @ 4 1:5'],
    ['"abc', 'unexpected end of input: expected \'"\' to close the string opened at offset 0 @ 4 1:5'],
    ['"a\\qb"', 'invalid escape "\\q" in a string: expected one of \\\\ \\" \\n \\t \\r \\a \\b \\f \\v \\0 \\xHH \\uHHHH \\UHHHHHH @ 2 1:3'],
    ['"\\x4"', 'invalid escape "\\x4"": expected 2 hexadecimal digits after "\\x" @ 1 1:2'],
    ['"\\ud800"', 'invalid escape "\\ud800": not a Unicode scalar value @ 1 1:2'],
    ['(1.5)', 'unexpected number "1.5": only integers occur in these files @ 1 1:2'],
    ['(a #\\x)', 'unexpected "#\\x": expected #t, #f, #:keyword or #vu8(…) (the only "#" forms Guix writes in these files) @ 3 1:4'],
    ['(a #(1 2))', 'unexpected "#": expected #t, #f, #:keyword or #vu8(…) (the only "#" forms Guix writes in these files) @ 3 1:4'],
    ['#vu8(1 256)', 'expected a byte (0 to 255) in "#vu8(…)" @ 0 1:1'],
    ['#vu8(1 . 2)', 'expected a bytevector "#vu8(0 … 255)" @ 0 1:1'],
    ['( . a)', 'unexpected "." at the start of a list: expected a datum before a dotted tail @ 2 1:3'],
    ['(a . b c)', 'expected ")" after the datum following "." @ 7 1:8'],
    ['(a [b])', 'unexpected "[": Guix does not write it in these files @ 3 1:4'],
    ['`(a ,b)', 'unexpected "`": Guix does not write it in these files @ 0 1:1'],
    ['#:', 'expected a keyword name after "#:" @ 0 1:1'],
    ['(a\n  b\\c)', 'unexpected "\\" in the symbol "b\\c" @ 5 2:3'],
  ])('%j', (text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });

  it('refuses input past its limits', () => {
    expect(errorOf('((((a))))', { maxDepth: 3 })).toBe('nesting deeper than 3 levels @ 3 1:4');
    expect(errorOf("(a '''b)", { maxDepth: 3 })).toBe('nesting deeper than 3 levels @ 5 1:6');
    expect(errorOf('(a b c d)', { maxListLength: 3 })).toBe('a list longer than 3 elements @ 7 1:8');
    expect(errorOf('(a "abcdef")', { maxAtomLength: 4 })).toBe('a string longer than 4 characters @ 3 1:4');
    expect(errorOf('(abcdef)', { maxAtomLength: 4 })).toBe('a token longer than 4 characters @ 1 1:2');
    expect(errorOf('(a b)', { maxInputLength: 4 })).toBe('input longer than 4 characters @ 0 1:1');
  });

  it('reads a deep but legal nesting without overflowing (512 levels)', () => {
    const deep = `${'('.repeat(512)}${')'.repeat(512)}`;
    expect(() => readSexp(deep)).not.toThrow();
    expect(errorOf(`(${deep})`)).toBe('nesting deeper than 512 levels @ 512 1:513');
  });
});
