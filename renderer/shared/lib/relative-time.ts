// "3 days ago": how long ago a generation was made, relative to a clock the caller passes in.

const STEPS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

const formatters = new Map<string, Intl.RelativeTimeFormat>();

function formatter(locale: string): Intl.RelativeTimeFormat {
  let found = formatters.get(locale);
  if (!found) {
    found = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    formatters.set(locale, found);
  }
  return found;
}

/** Says how long before `now` the instant `then` was (both epoch milliseconds): "just now", "3 days ago", "in 2 hours". */
export function formatRelative(then: number, now: number, locale = 'en'): string {
  const seconds = (then - now) / 1000;
  const size = Math.abs(seconds);
  if (size < 45) return 'just now';
  for (const [unit, unitSeconds] of STEPS) {
    if (size >= unitSeconds) return formatter(locale).format(Math.trunc(seconds / unitSeconds), unit);
  }
  return formatter(locale).format(Math.sign(seconds), 'minute');
}
