import { findSkills, tokenize, type Mention, type Token } from "./skills.js";
import { yearsIn } from "./years.js";

/** What a job posting asks for: groups of alternatives ("Go or Java" is one group), and a minimum of years. */
export interface Posting {
  required: string[][];
  niceToHave: string[][];
  minYears: number | null;
  /** The stems of its meaningful words, for the wording part of the score (read in the same pass). */
  terms: string[];
  /** Its requirement sentences as written (not the benefits or the company blurb): what word vectors compare with the résumé. */
  phrases: string[];
}

type Mode = "required" | "nice" | "ignore";

// Headers that switch what the lines below them mean. Anything else in a posting counts as required:
// an intro sentence ("a backend engineer with TypeScript and Docker") names what the job needs.
const NICE_HEAD = /^(nice[ -]to[ -]haves?|bonus( points)?|preferred( qualifications| skills)?|pluses|good[ -]to[ -]haves?|desirable|desired skills|extra credit|it would be great if)\b/i;
const REQUIRED_HEAD = /^(requirements?|required( skills| qualifications)?|must[ -]haves?|minimum qualifications|(basic |key )?qualifications|what you('ll)? (need|bring)|you (have|bring)|who you are|skills|responsibilities|what you('ll)? do|the role)\b/i;
const IGNORE_HEAD = /^(about (us|the company)|benefits|perks|what we offer|why (join|work)|compensation|equal opportunity)\b/i;
/** A sentence that says its skills are optional, wherever it stands. */
const NICE_CUE = /\b(nice[ -]to[ -]have|(is|are|a|would be a|big) plus|bonus|preferred|desirable|ideally|good to have|an advantage|optional)\b/i;

/** "At least one of: Python, Go, Java" — the list is a choice, whatever joins it. */
const ANY_OF = /\b(one of|any of|either)\b/i;
const CONNECTORS = new Set([",", "or", "and", "/", "(", ")", "&", "either", "and/or"]);
const OR = new Set(["or", "/", "and/or"]);

function headerMode(label: string): Mode | null {
  const words = label.split(/\s+/).length;
  if (words > 6) return null;
  if (NICE_HEAD.test(label)) return "nice";
  if (IGNORE_HEAD.test(label)) return "ignore";
  if (REQUIRED_HEAD.test(label)) return "required";
  return null;
}

/**
 * Skills of one sentence, grouped: mentions joined only by connectors form a
 * list; in it "or" and "/" bind their neighbours into one group, "and" keeps
 * them apart, and a comma takes the next conjunction's meaning ("Python, Go,
 * or Rust" is one group; "TypeScript, Node.js and Docker" three). In a sentence
 * that says "one of" or "any of", a whole list is one group.
 */
export function groupMentions(tokens: Token[], mentions: Mention[], anyOf = false): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  const gaps = mentions.slice(1).map((m, k) => tokens.slice(mentions[k]?.end ?? 0, m.start).map((t) => t.norm));
  const isList = (gap: string[]) => gap.every((t) => CONNECTORS.has(t));
  const binds = (k: number): boolean => {
    for (let j = k; j < gaps.length; j++) {
      const gap = gaps[j] ?? [];
      if (!isList(gap)) return false;
      if (anyOf || gap.some((t) => OR.has(t))) return true;
      if (gap.includes("and") || gap.includes("&")) return false;
    }
    return false;
  };
  mentions.forEach((m, k) => {
    if (!current.includes(m.skill)) current.push(m.skill);
    if (k === mentions.length - 1 || !binds(k)) {
      groups.push(current);
      current = [];
    }
  });
  return groups;
}

const bulletless = (line: string) => line.replace(/^\s*(?:[-*•·▪●◦]|\d{1,2}[.)])\s*/, "").trim();

/** Reads a job posting line by line: section headers and inline cues decide required vs nice-to-have. */
export function parsePosting(text: string): Posting {
  const required = new Map<string, string[]>();
  const nice = new Map<string, string[]>();
  const years: number[] = [];
  const terms: string[] = [];
  const phrases: string[] = [];
  let mode: Mode = "required";
  for (const raw of text.split(/\r?\n/)) {
    let line = bulletless(raw);
    if (!line) continue;
    const colon = line.indexOf(":");
    const label = (colon >= 0 ? line.slice(0, colon) : line).trim();
    const switched = headerMode(label);
    if (switched && (colon >= 0 || label === line)) {
      mode = switched;
      line = colon >= 0 ? line.slice(colon + 1).trim() : "";
    }
    if (!line) continue;
    for (const sentence of line.split(/[.;!?](?=\s)/)) {
      const tokens = tokenize(sentence);
      terms.push(...tokens.flatMap((t) => (t.term && t.stem.length > 1 ? [t.stem] : [])));
      if (mode === "ignore") continue;
      if (sentence.trim()) phrases.push(sentence.trim());
      const here: Mode = mode === "nice" || NICE_CUE.test(sentence) ? "nice" : "required";
      if (here === "required") years.push(...yearsIn(sentence).map((y) => y.years));
      for (const group of groupMentions(tokens, findSkills(tokens), ANY_OF.test(sentence))) {
        const key = [...group].sort().join("|");
        (here === "required" ? required : nice).set(key, group);
      }
    }
  }
  // A skill the posting requires somewhere is not also a nice-to-have.
  const requiredSkills = new Set([...required.values()].flat());
  const niceToHave = [...nice.entries()].filter(([key, g]) => !required.has(key) && !g.some((s) => requiredSkills.has(s))).map(([, g]) => g);
  return { required: [...required.values()], niceToHave, minYears: years.length ? Math.max(...years) : null, terms, phrases };
}
