/** One character a bullet does not end with: a period, an exclamation mark, whitespace. */
const TRAILING = /^[.!\s]$/;

/**
 * Drops trailing periods, exclamation marks and whitespace by walking back
 * from the end: linear, where `/[.!\s]+$/` is quadratic on a long run of
 * whitespace that isn't at the end (every start in the run scans to its end).
 */
export function trimTrailing(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING.test(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/**
 * Rewrites a sentence as a bullet: no leading "I"/"We"/"Today", capitalized,
 * no trailing period. The leading patterns are anchored and end in one greedy
 * run, so each tries one position only.
 */
export function toBullet(text: string): string {
  const t = trimTrailing(text.replace(/^(today|yesterday|this week|then|also)[,\s]+/i, "").replace(/^(i|we)\s+/i, "")).trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}
