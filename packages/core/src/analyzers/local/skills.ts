import type { ItemToken, Tokens } from "wink-nlp";
import { nlp } from "./nlp.js";
import { SKILL_VOCABULARY } from "./skills.data.js";

/** A word as the matcher sees it: as written, wink's normal form, its Porter2 stem; `term` when it carries meaning (a word, not a stop word). */
export interface Token {
  text: string;
  norm: string;
  stem: string;
  term?: boolean;
}

/** One skill found in a token list, tokens [start, end). */
export interface Mention {
  skill: string;
  start: number;
  end: number;
}

interface PatternToken extends Token {
  exact: boolean;
  literal: boolean;
}
interface Pattern {
  skill: string;
  tokens: PatternToken[];
}

/**
 * wink's tokens without the whitespace ones (newlines and tabs are tokens of
 * their own). The résumé reader, the posting parser and the matcher each ask
 * for the same lines; a small cache makes that one pass of wink, not three.
 */
const cache = new Map<string, Token[]>();
/** The sandbox child lives on between tasks under a heap limit: the cache holds at most this many characters. */
const CACHE_CHARS = 500_000;
let cachedChars = 0;
export function tokenize(text: string): Token[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const tokens = tokenizeNow(text);
  if (cachedChars + text.length > CACHE_CHARS) {
    cache.clear();
    cachedChars = 0;
  }
  if (text.length <= CACHE_CHARS) {
    cache.set(text, tokens);
    cachedChars += text.length;
  }
  return tokens;
}

function tokenizeNow(text: string): Token[] {
  const w = nlp();
  return tokensOf(w.readDoc(text).tokens(), w.its);
}

/** The matcher's view of wink tokens; text.ts uses it too, so a document's one wink pass also finds its skills. */
export function tokensOf(tokens: Tokens, its: ReturnType<typeof nlp>["its"]): Token[] {
  const out: Token[] = [];
  tokens.each((t: ItemToken) => {
    const type = t.out(its.type);
    if (type === "tabCRLF") return;
    // The stem is a model add-on whose typing doesn't fit out(); it returns a string like its.normal.
    out.push({ text: t.out(), norm: t.out(its.normal), stem: t.out(its.stem as unknown as typeof its.normal), term: type === "word" && !t.out(its.stopWordFlag) });
  });
  return out;
}

let index: Map<string, Pattern[]> | undefined;

/**
 * Every spelling of every skill, tokenized by the same tokenizer as the text
 * (so "Node.js" is Node . js on both sides), keyed by its first token's stem and
 * longest first, so the leftmost-longest spelling wins ("Spring Boot" over "Spring").
 */
function patterns(): Map<string, Pattern[]> {
  if (index) return index;
  index = new Map();
  for (const def of SKILL_VOCABULARY) {
    const spellings = [{ s: def.name, exact: Boolean(def.caseSensitive) }, ...(def.aliases ?? []).map((a) => (a.startsWith("=") ? { s: a.slice(1), exact: true } : { s: a, exact: false }))];
    for (const { s, exact } of spellings) {
      const tokens = tokenize(s).map((t) => ({ ...t, exact, literal: Boolean(def.literal) }));
      const first = tokens[0];
      if (!first) continue;
      const list = index.get(first.stem) ?? [];
      list.push({ skill: def.name, tokens });
      index.set(first.stem, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

function same(t: Token, p: PatternToken): boolean {
  if (p.exact) return t.text === p.text;
  if (p.literal) return t.norm === p.norm;
  return t.norm === p.norm || t.stem === p.stem;
}

/** Skill mentions in order, leftmost-longest, not overlapping. Linear in the tokens (a few candidates each). */
export function findSkills(tokens: Token[]): Mention[] {
  const idx = patterns();
  const found: Mention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const candidates = idx.get(tokens[i]?.stem ?? "") ?? [];
    const hit = candidates.find((p) => p.tokens.every((pt, k) => {
      const t = tokens[i + k];
      return t !== undefined && same(t, pt);
    }));
    if (hit) {
      found.push({ skill: hit.skill, start: i, end: i + hit.tokens.length });
      i += hit.tokens.length;
    } else i++;
  }
  return found;
}

/** The canonical names of the skills a text mentions, in order of first mention; line by line (no skill spans lines). */
export function skillsIn(text: string): string[] {
  return [...new Set(text.split("\n").flatMap((line) => findSkills(tokenize(line)).map((m) => m.skill)))];
}

/** The stems of a text's meaningful words, line by line from the same cache: what BM25 compares. */
export function termsIn(text: string): string[] {
  return text.split("\n").flatMap((line) => tokenize(line).flatMap((t) => (t.term && t.stem.length > 1 ? [t.stem] : [])));
}

/** Every skill name the analyzer knows (for docs and tests). */
export const SKILLS: readonly string[] = SKILL_VOCABULARY.map((d) => d.name);
