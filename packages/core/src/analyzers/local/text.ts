import type { ItemSentence, ItemToken } from "wink-nlp";
import { nlp } from "./nlp.js";
import { tokensOf, type Token } from "./skills.js";

export interface Sentence {
  text: string;
  sentiment: number;
  /** Normalized content words (no stop words, no punctuation), lemmatized. */
  terms: string[];
  pos: string[];
  /** Its tokens as the skill matcher reads them. */
  tokens: Token[];
}

/** Sentences with their terms; the one pass over wink the other local steps build on. */
export function readText(text: string): { sentences: Sentence[]; sentiment: number; entities: Array<{ text: string; type: string }> } {
  const w = nlp();
  const its = w.its;
  const doc = w.readDoc(text);
  const sentences: Sentence[] = [];
  doc.sentences().each((s: ItemSentence) => {
    // The lemma is a model add-on whose typing doesn't fit out(); it returns strings like its.normal.
    const words = s.tokens().filter((t: ItemToken) => t.out(its.type) === "word" && !t.out(its.stopWordFlag));
    sentences.push({
      text: s.out().trim(),
      sentiment: Number(s.out(its.sentiment)) || 0,
      terms: (words.out(its.lemma as unknown as typeof its.normal) as string[]).map((x) => x.toLowerCase()).filter((x) => x.length > 1),
      pos: s.tokens().out(its.pos) as string[],
      tokens: tokensOf(s.tokens(), its),
    });
  });
  const custom = (doc.customEntities().out(its.detail) as unknown as Array<{ value: string; type: string }>).map((e) => ({ text: e.value, type: e.type }));
  const builtin = (doc.entities().out(its.detail) as unknown as Array<{ value: string; type: string }>).map((e) => ({ text: e.value, type: e.type }));
  const seen = new Set<string>();
  const entities = [...custom, ...builtin].filter((e) => {
    const key = `${e.type}:${e.text.toLowerCase()}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return { sentences, sentiment: Math.max(-1, Math.min(1, Number(doc.out(its.sentiment)) || 0)), entities };
}
