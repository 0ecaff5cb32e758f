// systemd's version order (strverscmp_improved), which systemd-boot uses to sort entries by version
// and by id: `~` oldest, `-` below everything but `~` and the end, `^` above, `.` as a separator,
// digit runs compared as numbers, and a digit run newer than a letter run.

const isDigit = (c: string) => c >= '0' && c <= '9';
const isLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isValid = (c: string) => isDigit(c) || isLetter(c) || c === '~' || c === '-' || c === '^' || c === '.';

/** Compares two version strings the way systemd does: negative, zero or positive. */
export function strverscmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && !isValid(a[i] as string)) i++;
    while (j < b.length && !isValid(b[j] as string)) j++;
    const ca = a[i] ?? '';
    const cb = b[j] ?? '';
    if (ca === '~' || cb === '~') {
      if (ca !== '~') return 1;
      if (cb !== '~') return -1;
    } else if (ca === '' || cb === '') {
      return ca === cb ? 0 : ca === '' ? -1 : 1;
    } else if (ca === '-' || cb === '-') {
      if (ca !== '-') return 1;
      if (cb !== '-') return -1;
    } else if (ca === '^' || cb === '^') {
      if (ca !== '^') return -1;
      if (cb !== '^') return 1;
    } else if (ca === '.' || cb === '.') {
      if (ca !== '.') return 1;
      if (cb !== '.') return -1;
    } else if (isDigit(ca) || isDigit(cb)) {
      let k = i;
      while (k < a.length && isDigit(a[k] as string)) k++;
      let l = j;
      while (l < b.length && isDigit(b[l] as string)) l++;
      if (k === i) return -1;
      if (l === j) return 1;
      const na = a.slice(i, k).replace(/^0+/, '');
      const nb = b.slice(j, l).replace(/^0+/, '');
      if (na.length !== nb.length) return na.length < nb.length ? -1 : 1;
      if (na !== nb) return na < nb ? -1 : 1;
      i = k;
      j = l;
      continue;
    } else {
      let k = i;
      while (k < a.length && isLetter(a[k] as string)) k++;
      let l = j;
      while (l < b.length && isLetter(b[l] as string)) l++;
      const sa = a.slice(i, k);
      const sb = b.slice(j, l);
      const n = Math.min(sa.length, sb.length);
      if (sa.slice(0, n) !== sb.slice(0, n)) return sa.slice(0, n) < sb.slice(0, n) ? -1 : 1;
      if (sa.length !== sb.length) return sa.length < sb.length ? -1 : 1;
      i = k;
      j = l;
      continue;
    }
    i++;
    j++;
  }
}
