import type { AnalyzeHint } from "../analyzer.js";
import type { TDocumentAnalysis } from "../analyzer.schema.js";
import { entitiesOf } from "./entities.js";
import { headerOf, looksLikeResume, readResume, sectionsOf } from "./resume.js";
import { keywords, summarize } from "./scoring.js";
import { findSkills } from "./skills.js";
import { readText, type Sentence } from "./text.js";

/** "Interviewer: ..." / "Q: ..." turns from two or more speakers make a transcript. */
const TURN = /^\s*([\p{Lu}][\p{L}.' -]{0,30}|Q|A):\s/u;
function isTranscript(lines: string[]): boolean {
  const speakers = lines.flatMap((l) => TURN.exec(l)?.[1] ?? []);
  return speakers.length >= 3 && new Set(speakers).size >= 2;
}

/**
 * The text as sentences for the extractive summary: header lines ("EXPERIENCE",
 * "Requirements") dropped, and a line that ends without punctuation ended, so a
 * bullet is a sentence of its own rather than glued to the next one.
 */
function prose(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-*•·▪●◦]\s*/, "").trim())
    .filter((l) => l && !(headerOf(l) && !l.includes(":")) && !/^[^.!?]{0,40}:$/.test(l))
    .map((l) => (/[.!?]$/.test(l) ? l : `${l}.`))
    .join("\n");
}

/**
 * wink ends a sentence at "Node." in "Node.js": a sentence that starts in lower
 * case right after a period continues the one before. Each sentence is looked
 * up in a window just past the previous one, so this stays linear.
 */
function rejoin(sentences: Sentence[], source: string): Sentence[] {
  const out: Sentence[] = [];
  let cursor = 0;
  for (const s of sentences) {
    const found = source.slice(cursor, cursor + s.text.length + 2000).indexOf(s.text);
    const at = found >= 0 ? cursor + found : -1;
    if (at >= 0) cursor = at + s.text.length;
    const last = out.at(-1);
    if (last && /^\p{Ll}/u.test(s.text) && last.text.endsWith(".")) {
      const glue = at > 0 && !/\s/.test(source.charAt(at - 1)) ? "" : " ";
      out[out.length - 1] = { ...last, text: `${last.text}${glue}${s.text}`, terms: [...last.terms, ...s.terms], pos: [...last.pos, ...s.pos], tokens: [...last.tokens, ...s.tokens] };
    } else out.push(s);
  }
  return out;
}

/**
 * A document's analysis. A résumé gets its sections, jobs and schools and a
 * summary written from them (role, years, strengths); anything else an
 * extractive summary. Sentiment only for a transcript: the tone of an answer
 * means something, the tone of a résumé or a posting does not.
 */
export function analyzeDocument(text: string, now: Date, known: AnalyzeHint = {}): TDocumentAnalysis {
  const lines = text.split(/\r?\n/);
  const resume = known.readAs ? null : looksLikeResume(sectionsOf(text)) ? readResume(text, now) : null;
  const readAs = known.readAs ?? (resume ? "resume" : isTranscript(lines) ? "transcript" : "other");
  const clean = prose(text);
  const body = readText(clean);
  const sentences = rejoin(body.sentences, clean);
  const out: TDocumentAnalysis = {
    readAs,
    // A line of three words or fewer ("Requirements", "Docker and AWS") is a label, not a summary sentence.
    summary: resume ? resume.summary : summarize(sentences.filter((s) => s.text.split(/\s+/).length > 3)),
    keywords: keywords(body.sentences),
    skills: [...new Set(body.sentences.flatMap((s) => findSkills(s.tokens).map((m) => m.skill)))],
    entities: entitiesOf(text, body.entities, resume),
  };
  if (readAs === "transcript") out.sentiment = body.sentiment;
  if (resume) out.resume = resume;
  return out;
}
