// Guix's profile files (manifest, parameters, provenance) are Scheme data. This reads exactly the forms Guix
// writes in them — lists and dotted pairs, strings with Guile's escapes, symbols, integers, #t/#f, #:keywords,
// #vu8(…) bytevectors, 'quote and ; comments — and never evaluates anything. Anything else, and anything past
// the limits, is a SexpError naming the offset, line and column and what was expected there.

/** One datum as read. A list may end in a dotted `tail`. */
export type Sexp =
  | { type: 'list'; items: Sexp[]; tail?: Sexp }
  | { type: 'string'; value: string }
  | { type: 'symbol'; name: string }
  | { type: 'keyword'; name: string }
  | { type: 'integer'; value: bigint }
  | { type: 'boolean'; value: boolean }
  | { type: 'bytevector'; bytes: number[] };

/** Bounds on what the reader accepts; anything beyond one is an error, not a slow read. */
export interface SexpLimits {
  /** Characters of input (default 64 Mi). */
  maxInputLength: number;
  /** Nesting of lists (default 512). */
  maxDepth: number;
  /** Characters in one string, symbol or number (default 1 Mi). */
  maxAtomLength: number;
  /** Elements in one list (default 1 Mi). */
  maxListLength: number;
}

/** The limits used when none are given. */
export const DEFAULT_SEXP_LIMITS: SexpLimits = { maxInputLength: 64 * 1024 * 1024, maxDepth: 512, maxAtomLength: 1024 * 1024, maxListLength: 1024 * 1024 };

/** A malformed input: where (offset from 0, line and column from 1) and what was expected there. */
export class SexpError extends Error {
  override name = 'SexpError';
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  constructor(offset: number, line: number, column: number, reason: string) {
    super(`${reason} at line ${line}, column ${column} (offset ${offset})`);
    this.offset = offset;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

const DELIMITERS = new Set([' ', '\t', '\n', '\r', '\f', '\v', '(', ')', '"', ';']);
/** A run of string characters that need no escape handling (sticky: matched at a position). */
const STRING_RUN = /[^"\\]+/y;
/** A run of characters that are not delimiters: a symbol, number, #t, #:keyword. */
const TOKEN_RUN = /[^ \t\n\r\f\v()";]+/y;
/** A run of blanks. */
const BLANK_RUN = /[ \t\n\r\f\v]+/y;
const NAMED_ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '|': '|', '(': '(', '0': '\0', f: '\f', n: '\n', r: '\r', t: '\t', a: '\x07', v: '\v', b: '\b' };
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 6 };

class Reader {
  pos = 0;
  readonly text: string;
  readonly limits: SexpLimits;
  constructor(text: string, limits: SexpLimits) {
    this.text = text;
    this.limits = limits;
  }

  fail(reason: string, at = this.pos): never {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at && i < this.text.length; i++) {
      if (this.text[i] === '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    throw new SexpError(at, line, at - lineStart + 1, reason);
  }

  /** Skips whitespace and `;` comments; returns the next character or undefined at the end. */
  skip(): string | undefined {
    BLANK_RUN.lastIndex = this.pos;
    if (BLANK_RUN.test(this.text)) this.pos = BLANK_RUN.lastIndex;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) return undefined;
      if (c === ';') {
        const nl = this.text.indexOf('\n', this.pos);
        this.pos = nl < 0 ? this.text.length : nl + 1;
      } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
        this.pos++;
      } else {
        return c;
      }
    }
  }

  datum(depth: number): Sexp {
    const c = this.skip();
    if (c === undefined) this.fail('unexpected end of input: expected a datum');
    if (c === '(') return this.list(depth + 1);
    if (c === ')') this.fail('unexpected ")": expected a datum');
    if (c === '"') return this.string();
    if (c === "'") {
      if (depth + 1 > this.limits.maxDepth) this.fail(`nesting deeper than ${this.limits.maxDepth} levels`);
      this.pos++;
      return { type: 'list', items: [{ type: 'symbol', name: 'quote' }, this.datum(depth + 1)] };
    }
    if (c === '#') return this.hash(depth);
    if (c === '[' || c === ']' || c === '{' || c === '}' || c === '`' || c === ',' || c === '|') this.fail(`unexpected "${c}": Guix does not write it in these files`);
    return this.atom();
  }

  list(depth: number): Sexp {
    if (depth > this.limits.maxDepth) this.fail(`nesting deeper than ${this.limits.maxDepth} levels`);
    const open = this.pos;
    this.pos++;
    const items: Sexp[] = [];
    for (;;) {
      const c = this.skip();
      if (c === undefined) this.fail(`unexpected end of input: expected ")" to close the list opened at offset ${open}`);
      if (c === ')') {
        this.pos++;
        return { type: 'list', items };
      }
      if (c === '.' && DELIMITERS.has(this.text[this.pos + 1] ?? ' ')) {
        if (items.length === 0) this.fail('unexpected "." at the start of a list: expected a datum before a dotted tail');
        this.pos++;
        const tail = this.datum(depth);
        if (this.skip() !== ')') this.fail('expected ")" after the datum following "."');
        this.pos++;
        return list(items, tail);
      }
      if (items.length >= this.limits.maxListLength) this.fail(`a list longer than ${this.limits.maxListLength} elements`);
      items.push(this.datum(depth));
    }
  }

  string(): Sexp {
    const open = this.pos;
    this.pos++;
    let out = '';
    for (;;) {
      if (out.length > this.limits.maxAtomLength) this.fail(`a string longer than ${this.limits.maxAtomLength} characters`, open);
      STRING_RUN.lastIndex = this.pos;
      if (STRING_RUN.test(this.text)) {
        out += this.text.slice(this.pos, STRING_RUN.lastIndex);
        this.pos = STRING_RUN.lastIndex;
        continue;
      }
      const c = this.text[this.pos];
      if (c === undefined) this.fail(`unexpected end of input: expected '"' to close the string opened at offset ${open}`);
      this.pos++;
      if (c === '"') return { type: 'string', value: out };
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.pos];
      if (e === undefined) this.fail(`unexpected end of input: expected an escape after "\\" in the string opened at offset ${open}`);
      this.pos++;
      if (e === '\n') continue; // Guile's line continuation (hungry-eol-escapes off: following blanks are kept)
      const named = NAMED_ESCAPES[e];
      if (named !== undefined) {
        out += named;
        continue;
      }
      const width = HEX_ESCAPES[e];
      if (width === undefined) this.fail(`invalid escape "\\${e}" in a string: expected one of \\\\ \\" \\n \\t \\r \\a \\b \\f \\v \\0 \\xHH \\uHHHH \\UHHHHHH`, this.pos - 2);
      const hex = this.text.slice(this.pos, this.pos + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) this.fail(`invalid escape "\\${e}${hex}": expected ${width} hexadecimal digits after "\\${e}"`, this.pos - 2);
      const code = parseInt(hex, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) this.fail(`invalid escape "\\${e}${hex}": not a Unicode scalar value`, this.pos - 2);
      out += String.fromCodePoint(code);
      this.pos += width;
    }
  }

  token(): string {
    const start = this.pos;
    TOKEN_RUN.lastIndex = start;
    if (TOKEN_RUN.test(this.text)) this.pos = TOKEN_RUN.lastIndex;
    if (this.pos - start > this.limits.maxAtomLength) this.fail(`a token longer than ${this.limits.maxAtomLength} characters`, start);
    return this.text.slice(start, this.pos);
  }

  hash(depth: number): Sexp {
    const start = this.pos;
    const next = this.text[this.pos + 1];
    if (next === ':') {
      this.pos += 2;
      const name = this.token();
      if (name === '') this.fail('expected a keyword name after "#:"', start);
      return { type: 'keyword', name };
    }
    if (this.text.startsWith('#vu8(', this.pos)) {
      this.pos += 4;
      const list = this.list(depth + 1);
      if (list.type !== 'list' || list.tail !== undefined) this.fail('expected a bytevector "#vu8(0 … 255)"', start);
      const bytes = list.items.map((item) => (item.type === 'integer' && item.value >= 0n && item.value <= 255n ? Number(item.value) : this.fail('expected a byte (0 to 255) in "#vu8(…)"', start)));
      return { type: 'bytevector', bytes };
    }
    const word = this.token();
    if (word === '#t' || word === '#true') return { type: 'boolean', value: true };
    if (word === '#f' || word === '#false') return { type: 'boolean', value: false };
    this.fail(`unexpected "${word || '#'}": expected #t, #f, #:keyword or #vu8(…) (the only "#" forms Guix writes in these files)`, start);
  }

  atom(): Sexp {
    const start = this.pos;
    const word = this.token();
    if (/^[+-]?[0-9]+$/.test(word)) return { type: 'integer', value: BigInt(word) };
    if (/^[+-]?(\.[0-9]|[0-9])/.test(word) || /^[+-]?inf\.0$|^[+-]?nan\.0$/.test(word)) this.fail(`unexpected number "${word}": only integers occur in these files`, start);
    if (word.includes('\\')) this.fail(`unexpected "\\" in the symbol "${word}"`, start);
    if (word === '.') this.fail('unexpected "." outside a list: expected a datum', start);
    return { type: 'symbol', name: word };
  }
}

/** Reads exactly one datum from `text` (comments and whitespace around it allowed); anything after it is an error. */
export function readSexp(text: string, limits: Partial<SexpLimits> = {}): Sexp {
  const all = { ...DEFAULT_SEXP_LIMITS, ...limits };
  const reader = new Reader(text, all);
  if (text.length > all.maxInputLength) reader.fail(`input longer than ${all.maxInputLength} characters`, 0);
  const datum = reader.datum(0);
  if (reader.skip() !== undefined) reader.fail('unexpected text after the datum: expected the end of the file');
  return datum;
}

// ---- building and inspecting data ----

/** A symbol. */
export const sym = (name: string): Sexp => ({ type: 'symbol', name });
/** A string. */
export const str = (value: string): Sexp => ({ type: 'string', value });
/** A proper list, or a dotted one with `tail`; `(a . (b c))` is the list `(a b c)`, as in Scheme. */
export function list(items: Sexp[], tail?: Sexp): Sexp {
  if (tail === undefined) return { type: 'list', items };
  if (tail.type === 'list') return tail.tail === undefined ? { type: 'list', items: [...items, ...tail.items] } : { type: 'list', items: [...items, ...tail.items], tail: tail.tail };
  return { type: 'list', items, tail };
}
/** An integer. */
export const int = (value: number | bigint): Sexp => ({ type: 'integer', value: BigInt(value) });
/** #t or #f. */
export const bool = (value: boolean): Sexp => ({ type: 'boolean', value });

/** True when `x` is the symbol `name`. */
export const isSym = (x: Sexp | undefined, name?: string): boolean => x?.type === 'symbol' && (name === undefined || x.name === name);

/** The items of a proper list, or null. */
export function properList(x: Sexp | undefined): Sexp[] | null {
  return x?.type === 'list' && x.tail === undefined ? x.items : null;
}

const SYMBOL_PLAIN = /^[^\s()";'`,|#\\[\]{}]+$/;

function writeString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\v') out += '\\v';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** `x` as Guile's `write` prints it (strings escaped as Guile escapes them; `(a b . c)`; `#vu8(…)`). */
export function writeSexp(x: Sexp): string {
  switch (x.type) {
    case 'list': {
      if (x.tail?.type === 'list') return writeSexp(list(x.items, x.tail));
      const inner = x.items.map(writeSexp).join(' ');
      return x.tail === undefined ? `(${inner})` : `(${inner} . ${writeSexp(x.tail)})`;
    }
    case 'string':
      return writeString(x.value);
    case 'symbol':
      return SYMBOL_PLAIN.test(x.name) && !/^[+-]?[0-9.]/.test(x.name) ? x.name : `#{${x.name.replace(/[}#\\]/g, (c) => `\\${c}`)}}#`;
    case 'keyword':
      return `#:${x.name}`;
    case 'integer':
      return x.value.toString();
    case 'boolean':
      return x.value ? '#t' : '#f';
    case 'bytevector':
      return `#vu8(${x.bytes.join(' ')})`;
  }
}
