/**
 * Years of experience: "5+ years", "at least three years", "3-5 years" (the
 * lower bound), and date ranges like "Jan 2019 – Present" or "2016 - 2019".
 * Every pattern is a fixed sequence of bounded pieces, so each runs in linear time.
 */
const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20 };
const NUMBER = `(\\d{1,2}|${Object.keys(WORDS).join("|")})`;
const YEARS = new RegExp(`\\b${NUMBER}\\s?\\+?(?:\\s?(?:-|–|to)\\s?\\d{1,2}\\+?)?\\s(?:full\\s)?(?:years?|yrs?)\\b(?!\\s(?:ago|old))`, "gi");

const MONTH = (name: string) => `(?<${name}>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?`;
const RANGE = new RegExp(
  `(?<start>(?:${MONTH("m1")}\\s)?(?<y1>(?:19|20)\\d{2}))\\s?(?:-|–|—|to|until)\\s?(?<end>(?:${MONTH("m2")}\\s)?(?<y2>(?:19|20)\\d{2})|(?<now>present|current|now|today|date))`,
  "gi",
);
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export interface YearsClaim {
  years: number;
  text: string;
}

/** Every "N years" in a sentence (the lower bound of a span). */
export function yearsIn(text: string): YearsClaim[] {
  return [...text.matchAll(YEARS)].map((m) => {
    const n = (m[1] ?? "").toLowerCase();
    return { years: WORDS[n] ?? Number(n), text: m[0] };
  });
}

export interface DateRange {
  text: string;
  /** Months since year 0, start inclusive, end exclusive. */
  from: number;
  to: number;
  start: string;
  end: string;
}

const monthOf = (name: string | undefined, fallback: number) => (name ? Math.max(0, MONTHS.indexOf(name.toLowerCase().slice(0, 3))) : fallback);

/** Date ranges of a line; "present" is `now`. Without months a range runs January to January. */
export function rangesIn(text: string, now: Date): DateRange[] {
  const nowMonths = now.getUTCFullYear() * 12 + now.getUTCMonth();
  return [...text.matchAll(RANGE)].flatMap((m) => {
    const g = m.groups ?? {};
    const from = Number(g.y1) * 12 + monthOf(g.m1, 0);
    const to = g.now ? nowMonths : Number(g.y2) * 12 + monthOf(g.m2, 0);
    if (to < from) return [];
    return [{ text: m[0], from, to, start: g.start ?? "", end: g.end ?? "" }];
  });
}

/** Total years covered by ranges, overlaps counted once, to one decimal. */
export function yearsCovered(ranges: Array<{ from: number; to: number }>): number {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  let months = 0;
  let reach = -Infinity;
  for (const r of sorted) {
    const from = Math.max(r.from, reach);
    if (r.to > from) months += r.to - from;
    reach = Math.max(reach, r.to);
  }
  return Math.round((months / 12) * 10) / 10;
}
