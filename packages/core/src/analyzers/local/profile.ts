import type { ItemSentence, ItemToken } from "wink-nlp";
import type { TResumeProfile } from "../analyzer.schema.js";
import { nlp } from "./nlp.js";
import { experienceOf, readResume, sectionsOf } from "./resume.js";
import { skillsIn } from "./skills.js";
import { isTitle } from "./titles.js";

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}/u;
/** "+46 70 123 45 67", "(555) 010-2030", "555.010.2030": 7 to 15 digits with the usual separators. */
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{5,16}\d/g;
const LINK = /\b(?:https?:\/\/|www\.)\S+|\b(?:linkedin\.com|github\.com|gitlab\.com)\/\S+/gi;
/** A line that is a person's name: two to four capitalized words, no digits, not a job title. */
const NAME = /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.?(?:[\p{L}'’-]+)?){1,3}$/u;
const BULLET = /^\s*[-*•·▪●◦]\s*/;
/** Phrase heads that are not skills however often they appear. */
const NOT_SKILLS = /^(years?|experience|team|teams|company|role|responsibilit|work|people|day|month|time|summary|profile|skills?|reference)/i;

const digitsOf = (s: string) => s.replace(/\D/g, "");

function contactOf(text: string, headerLines: string[], location: string | null): TResumeProfile["contact"] {
  const email = EMAIL.exec(text)?.[0] ?? null;
  // A phone is a run of 7..15 digits that is not a year range ("2019 - 2024" has 8 digits).
  const phone = [...text.matchAll(PHONE)].map((m) => m[0].trim()).find((p) => {
    const d = digitsOf(p);
    return d.length >= 7 && d.length <= 15 && !/^(19|20)\d\d\s*[-–]\s*(19|20)\d\d$/.test(p);
  });
  const links = [...new Set([...text.matchAll(LINK)].map((m) => m[0].replace(/[),.;]+$/, "")))];
  // "Jane Doe - Senior Software Engineer": the name may share its line with a title or a place.
  const parts = headerLines.flatMap((l) => l.split(/\s[-–—|]\s|,\s*|\s{3,}/).map((p) => p.trim()));
  const name = parts.find((p) => NAME.test(p) && !isTitle(p) && skillsIn(p).length === 0) ?? null;
  return { name, email, phone: phone ?? null, location, links };
}

/**
 * The résumé's own skill phrases: the items of its skills section ("patient
 * education, discharge planning") that are noun phrases by wink's part-of-speech
 * tags, and the noun compounds of its other lines that recur. They catch what no
 * vocabulary lists ("telemetry monitoring", "month-end close"); vocabulary
 * skills are left out here (they are reported by their canonical names).
 */
export function skillPhrases(skillLines: string[], otherText: string, known: Set<string>): string[] {
  const w = nlp();
  const its = w.its;
  const isNounPhrase = (phrase: string) => {
    const pos = w.readDoc(phrase).tokens().filter((t: ItemToken) => t.out(its.type) === "word").out(its.pos) as string[];
    const last = pos.at(-1);
    return pos.length > 0 && pos.length <= 4 && (last === "NOUN" || last === "PROPN") && pos.every((p) => ["NOUN", "PROPN", "ADJ", "PART", "ADP", "CCONJ"].includes(p) || p === "VERB" && pos.length > 1);
  };
  const items = skillLines.flatMap((l) => l.replace(BULLET, "").split(/[,;|•·]|\s+\/\s+/)).map((s) => s.replace(/\.$/, "").trim()).filter((s) => s.length > 2 && s.length <= 40);
  // An item of a skills section is a skill by where it stands; its tags only need to rule out a sentence
  // (no determiner, pronoun or auxiliary). wink tags the last word of "service mesh" a verb, so the
  // noun may be anywhere in it.
  const isSkillItem = (phrase: string) => {
    const pos = w.readDoc(phrase).tokens().filter((t: ItemToken) => t.out(its.type) === "word").out(its.pos) as string[];
    return isNounPhrase(phrase) || (pos.length >= 2 && pos.length <= 4 && pos.some((p) => p === "NOUN" || p === "PROPN") && pos[0] !== "VERB" && pos.every((p) => !["DET", "PRON", "AUX", "SCONJ"].includes(p)));
  };
  const fromSection = items.filter((s) => !/\d{4}/.test(s) && isSkillItem(s));
  // Compounds elsewhere: runs of ADJ/NOUN tokens ending in a NOUN, two words or more, seen at least twice.
  const counts = new Map<string, number>();
  w.readDoc(otherText).sentences().each((s: ItemSentence) => {
    let run: string[] = [];
    let runPos: string[] = [];
    const flush = () => {
      while (runPos.length && runPos.at(-1) !== "NOUN") {
        run.pop();
        runPos.pop();
      }
      if (run.length >= 2 && run.length <= 3) counts.set(run.join(" "), (counts.get(run.join(" ")) ?? 0) + 1);
      run = [];
      runPos = [];
    };
    s.tokens().each((t: ItemToken) => {
      const pos = t.out(its.pos);
      if (t.out(its.type) === "word" && (pos === "NOUN" || pos === "ADJ") && !t.out(its.stopWordFlag)) {
        run.push(t.out(its.normal));
        runPos.push(pos);
      } else flush();
    });
    flush();
  });
  const recurring = [...counts.entries()].filter(([, n]) => n >= 2).map(([p]) => p);
  const out: string[] = [];
  const seen = new Set([...known].map((k) => k.toLowerCase()));
  for (const p of [...fromSection, ...recurring]) {
    const key = p.toLowerCase();
    // A one-word phrase the vocabulary knows ("Epic" is Electronic Health Records) is already among its skills.
    if (seen.has(key) || NOT_SKILLS.test(key) || (!p.includes(" ") && skillsIn(p).length > 0)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.slice(0, 30);
}

/**
 * Each experience entry's highlights, in order: its bullet lines, what follows
 * the colon of "Klarna (2019 - 2025): built payment APIs", and the lower-case
 * lines that continue either.
 */
function highlightsOf(lines: string[], now: Date): string[][] {
  const out: string[][] = [];
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const mine = () => (out[count - 1] ??= []);
    if (BULLET.test(line)) {
      if (count > 0) mine().push(line.replace(BULLET, "").trim());
      continue;
    }
    const next = experienceOf(lines.slice(0, i + 1), now).length;
    if (next > count) {
      count = next;
      const rest = /:\s+(\S.*)$/.exec(line)?.[1];
      if (rest) mine().push(rest.trim());
    } else if (count > 0 && /^\p{Ll}/u.test(line.trim())) {
      const list = mine();
      if (list.length) list[list.length - 1] = `${list[list.length - 1]} ${line.trim()}`;
      else list.push(line.trim());
    }
  }
  return out;
}

/**
 * A résumé as a structured profile, offline: the sections, jobs and schools
 * that readResume finds, the contact details of its header (name, email,
 * phone, links), each job's bullet points, and its skills from the maintained
 * vocabulary plus its own noun phrases.
 */
export function parseResumeProfile(text: string, now: Date): TResumeProfile {
  const cv = readResume(text, now);
  const sections = sectionsOf(text);
  const linesOf = (key: string) => sections.filter((s) => s.key === key).flatMap((s) => s.lines);
  const expLines = linesOf("experience");
  const highlights = highlightsOf(expLines, now);
  const vocabulary = cv.skills;
  const other = sections.filter((s) => s.key !== "skills" && s.key !== "header").flatMap((s) => s.lines.map((l) => l.replace(BULLET, ""))).join("\n");
  const phrases = skillPhrases(linesOf("skills"), other, new Set(vocabulary));
  return {
    contact: contactOf(text, linesOf("header"), cv.location),
    headline: cv.role,
    years: cv.years,
    summary: cv.summary,
    experience: cv.experience.map((j, i) => ({ ...j, highlights: highlights[i] ?? [] })),
    education: cv.education,
    skills: [...vocabulary, ...phrases],
    skillSources: { vocabulary, phrases },
  };
}
