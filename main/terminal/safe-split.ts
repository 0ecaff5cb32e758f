// Cutting terminal output into events without splitting what a terminal must see whole: a UTF-16
// surrogate pair (one character) or an escape sequence (a colour, a cursor move, a hyperlink).

/** How far back a cut looks for the start of an escape sequence (OSC hyperlinks carry a URL). */
const ESCAPE_LOOKBACK = 512;

// A complete escape sequence at the start of a string: CSI, OSC (ended by BEL or ST), or a two-byte escape.
// eslint-disable-next-line no-control-regex
const COMPLETE_ESCAPE = /^\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[^[\]])/;

/** The UTF-8 length of a string. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The largest prefix of `text` of at most `maxBytes` UTF-8 bytes that ends on a safe boundary, and the rest. */
export function splitSafely(text: string, maxBytes: number): [string, string] {
  if (text.length <= maxBytes / 3 || byteLength(text) <= maxBytes) return [text, ''];
  let cut = Math.min(text.length, maxBytes);
  for (;;) {
    const bytes = byteLength(text.slice(0, cut));
    if (bytes <= maxBytes) break;
    cut = Math.max(1, Math.floor((cut * maxBytes) / bytes) - 1);
  }
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff && cut > 1) cut--;
  const esc = text.lastIndexOf('\u001b', cut - 1);
  if (esc !== -1 && cut - esc <= ESCAPE_LOOKBACK) {
    const m = COMPLETE_ESCAPE.exec(text.slice(esc, Math.min(text.length, esc + ESCAPE_LOOKBACK)));
    const end = m ? esc + m[0].length : -1;
    // Cut before the sequence; when it starts the text, send it whole even though it passes the limit.
    if (end === -1 || end > cut) cut = esc > 0 ? esc : end > 0 ? end : cut;
  }
  return [text.slice(0, cut), text.slice(cut)];
}

/** Where an escape sequence that `text` ends in the middle of begins, or -1 when it ends on a boundary. */
export function trailingPartialEscape(text: string): number {
  const esc = text.lastIndexOf('\u001b');
  if (esc === -1 || text.length - esc > ESCAPE_LOOKBACK) return -1;
  return COMPLETE_ESCAPE.test(text.slice(esc)) ? -1 : esc;
}
