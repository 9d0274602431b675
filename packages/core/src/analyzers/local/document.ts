import type { TDocumentAnalysis } from "../analyzer.schema.js";
import { entitiesOf } from "./entities.js";
import { headerOf, looksLikeResume, readResume, sectionsOf } from "./resume.js";
import { keywords, summarize } from "./scoring.js";
import { findSkills } from "./skills.js";
import { readText } from "./text.js";

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
 * A document's analysis. A résumé gets its sections, jobs and schools and a
 * summary written from them (role, years, strengths); anything else an
 * extractive summary. Sentiment only for a transcript: the tone of an answer
 * means something, the tone of a résumé or a posting does not.
 */
export function analyzeDocument(text: string, now: Date): TDocumentAnalysis {
  const lines = text.split(/\r?\n/);
  const resume = looksLikeResume(sectionsOf(text)) ? readResume(text, now) : null;
  const readAs = resume ? "resume" : isTranscript(lines) ? "transcript" : "other";
  const body = readText(prose(text));
  const out: TDocumentAnalysis = {
    readAs,
    // A line of three words or fewer ("Requirements", "Docker and AWS") is a label, not a summary sentence.
    summary: resume ? resume.summary : summarize(body.sentences.filter((s) => s.text.split(/\s+/).length > 3)),
    keywords: keywords(body.sentences),
    skills: [...new Set(body.sentences.flatMap((s) => findSkills(s.tokens).map((m) => m.skill)))],
    entities: entitiesOf(text, body.entities, resume),
  };
  if (readAs === "transcript") out.sentiment = body.sentiment;
  if (resume) out.resume = resume;
  return out;
}
