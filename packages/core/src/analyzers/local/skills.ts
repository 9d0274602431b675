import type { ItemToken } from "wink-nlp";
import { nlp } from "./nlp.js";
import { SKILL_VOCABULARY } from "./skills.data.js";

/** A word as the matcher sees it: as written, wink's normal form, and its Porter2 stem. */
export interface Token {
  text: string;
  norm: string;
  stem: string;
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

/** wink's tokens without the whitespace ones (newlines and tabs are tokens of their own). */
export function tokenize(text: string): Token[] {
  const w = nlp();
  const its = w.its;
  const out: Token[] = [];
  w.readDoc(text)
    .tokens()
    .each((t: ItemToken) => {
      if (t.out(its.type) === "tabCRLF") return;
      // The stem is a model add-on whose typing doesn't fit out(); it returns a string like its.normal.
      out.push({ text: t.out(), norm: t.out(its.normal), stem: t.out(its.stem as unknown as typeof its.normal) });
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

/** The canonical names of the skills a text mentions, in order of first mention. */
export function skillsIn(text: string): string[] {
  return [...new Set(findSkills(tokenize(text)).map((m) => m.skill))];
}

/** Every skill name the analyzer knows (for docs and tests). */
export const SKILLS: readonly string[] = SKILL_VOCABULARY.map((d) => d.name);
