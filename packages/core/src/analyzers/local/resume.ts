import type { TResumeExtract } from "../analyzer.schema.js";
import { skillsIn } from "./skills.js";
import { isTitle, schoolsIn } from "./titles.js";
import { rangesIn, yearsCovered, yearsIn } from "./years.js";

export type SectionKey = "header" | "summary" | "experience" | "education" | "skills" | "certifications" | "projects" | "other";

/** A header line names one section; "Skills: TypeScript, Go" is a header with its content on the same line. */
const HEADERS: Array<[SectionKey, RegExp]> = [
  ["summary", /^(summary|professional summary|profile|professional profile|about( me)?|objective|career objective)$/i],
  ["experience", /^((work|professional|relevant|clinical|sales) experience|experience|employment( history)?|work history|career history|career)$/i],
  ["education", /^(education|academic background|education (and|&) training)$/i],
  ["skills", /^((technical |key |core )?skills|core competencies|competencies|technologies|tech stack|skills (and|&) tools)$/i],
  ["certifications", /^(certifications?|licen[cs]es?( (and|&) certifications?)?|certificates)$/i],
  ["projects", /^(projects|selected projects|side projects)$/i],
  ["other", /^(languages|interests|hobbies|awards|publications|references|volunteering|volunteer experience|achievements)$/i],
];

export interface Section {
  key: SectionKey;
  lines: string[];
}

/** Is this line a section header? Returns its key and whatever follows a colon. */
export function headerOf(line: string): { key: SectionKey; rest: string } | null {
  const colon = line.indexOf(":");
  const label = (colon >= 0 ? line.slice(0, colon) : line).replace(/[#*_=]/g, "").trim();
  if (label.length > 40) return null;
  const hit = HEADERS.find(([, re]) => re.test(label));
  return hit ? { key: hit[0], rest: colon >= 0 ? line.slice(colon + 1).trim() : "" } : null;
}

const BULLET = /^\s*[-*•·▪●◦]\s*/;
const clean = (line: string) => line.replace(BULLET, "").trim();

/**
 * The document cut at its section headers; what comes before the first is the
 * "header" (name, title, contact). Lines keep their bullet marker: under
 * Experience a bullet describes a job, it does not start one.
 */
export function sectionsOf(text: string): Section[] {
  const sections: Section[] = [{ key: "header", lines: [] }];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const h = headerOf(clean(line));
    if (h) sections.push({ key: h.key, lines: h.rest ? [h.rest] : [] });
    else sections.at(-1)?.lines.push(line);
  }
  return sections;
}

/** Two or more known sections (besides the header) make a résumé. */
export function looksLikeResume(sections: Section[]): boolean {
  return new Set(sections.filter((s) => s.key !== "header" && s.key !== "other").map((s) => s.key)).size >= 2;
}

type Job = TResumeExtract["experience"][number];
type Entry = Job & { from?: number; to?: number };
const SPLIT = /\s*(?:[,|–—]|\s-\s)\s*/;
const placeLike = (s: string | undefined) => Boolean(s && /^[A-Z][\p{L}.'-]*(?:\s[A-Z][\p{L}.'-]*){0,2}$/u.test(s) && !isTitle(s));

/** Title, employer and place of an entry's head line, the dates already taken out. */
function partsOf(head: string): { title: string | null; employer: string | null; location: string | null } {
  const at = head.split(/\s+(?:at|@)\s+/);
  if (at.length === 2 && isTitle(at[0] ?? "")) {
    const [org, ...rest] = (at[1] ?? "").split(SPLIT);
    return { title: at[0] ?? null, employer: org ?? null, location: rest.filter(placeLike).join(", ") || null };
  }
  const parts = head.split(SPLIT).map((p) => p.trim()).filter(Boolean);
  const t = parts.findIndex(isTitle);
  // "Employer — Title" or "Title, Employer": the employer is the part next to the title.
  const e = t > 0 ? t - 1 : t === 0 ? 1 : 0;
  const employer = parts[e] ?? null;
  return {
    title: t >= 0 ? (parts[t] ?? null) : null,
    employer: employer && /^\p{Lu}|^\d/u.test(employer) ? employer : null,
    location: parts.slice(Math.max(t, e) + 1).filter(placeLike).join(", ") || null,
  };
}

/**
 * One line of the experience section as an entry, when it is one: it has a
 * date range, or it is short and names a title. "Title at Employer, City",
 * "Title, Employer, City", "Employer — Title" and "Employer (2019 - 2025): ..."
 * all read the same way: the part with a title word is the title, the part
 * next to it the employer, a short capitalized part after that the place.
 */
function entryOf(line: string, now: Date): Entry | null {
  if (BULLET.test(line)) return null;
  const [range] = rangesIn(line, now);
  const head = (range ? line.replace(range.text, " ") : line).split(/:\s|\s\(\s*\)/)[0]?.replace(/[()]/g, " ").replace(/\s+/g, " ").trim() ?? "";
  if (!range && (head.split(" ").length > 10 || !head.split(SPLIT).some(isTitle))) return null;
  if (!head) return range ? { title: null, employer: null, location: null, start: range.start, end: range.end, from: range.from, to: range.to } : null;
  const { title, employer, location } = partsOf(head);
  return { title, employer, location, start: range?.start ?? null, end: range?.end ?? null, from: range?.from, to: range?.to };
}

/** "Intercom, Dublin" under a title that has no employer yet: a short capitalized line, no sentence. */
function employerLine(line: string): Entry | null {
  if (BULLET.test(line) || /[.!?;:]$/.test(line) || line.split(/\s+/).length > 6 || !/^\p{Lu}/u.test(line)) return null;
  const [employer, ...rest] = line.split(SPLIT).map((p) => p.trim());
  return employer ? { title: null, employer, location: rest.filter(placeLike).join(", ") || null, start: null, end: null } : null;
}

/**
 * The experience section as entries. An entry may take up to three lines
 * ("Software Engineer" / "Intercom, Dublin" / "Jan 2018 - Feb 2021"): a line
 * without a title fills in what the entry above still lacks, employer or dates.
 */
export function experienceOf(lines: string[], now: Date): Entry[] {
  const jobs: Entry[] = [];
  for (const line of lines) {
    const last = jobs.at(-1);
    const e = entryOf(line, now) ?? (last?.title && !last.employer && last.start === null ? employerLine(line) : null);
    if (!e) continue;
    const fillsEmployer = last && e.title === null && e.employer && last.title && !last.employer && last.start === null;
    const fillsDates = last && e.title === null && (e.employer === null || fillsEmployer) && e.start !== null && last.start === null;
    if (fillsEmployer || fillsDates) {
      Object.assign(last, {
        employer: last.employer ?? e.employer,
        location: last.location ?? e.location,
        ...(e.start !== null ? { start: e.start, end: e.end, from: e.from, to: e.to } : {}),
      });
    } else jobs.push(e);
  }
  return jobs;
}

const DEGREE = /\b(b\.?\s?sc|m\.?\s?sc|bachelor(?:'s)?|master(?:'s)?|ph\.?\s?d|mba|bsn|msn|diploma|associate(?:'s)? degree|b\.?a|m\.?a|b\.?s|m\.?s|degree)\b/i;

function educationOf(lines: string[], now: Date): TResumeExtract["education"] {
  return lines.flatMap((line) => {
    const [school] = schoolsIn(line);
    if (!school) return [];
    const [range] = rangesIn(line, now);
    const degree = line.split(SPLIT).find((p) => DEGREE.test(p) && !p.includes(school)) ?? null;
    return [{ school, degree: degree?.trim() ?? null, start: range?.start ?? null, end: range?.end ?? null }];
  });
}

/** Skills by how often the résumé names them (ties: first named first): its strengths. */
function strengths(text: string, max: number): string[] {
  const counts = new Map<string, number>();
  const order = skillsIn(text);
  for (const line of text.split("\n")) for (const s of skillsIn(line)) counts.set(s, (counts.get(s) ?? 0) + 1); // lines are cached tokens
  return [...order].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || order.indexOf(a) - order.indexOf(b)).slice(0, max);
}

/**
 * What a recruiter reads off a résumé: its sections, jobs (title, employer,
 * place, dates), schools, skills, years of experience (the jobs' dates, overlaps
 * once, or what the résumé claims, whichever is more), the role (the title the
 * person gives themselves, else the latest job's) and a one-line summary.
 */
export function readResume(text: string, now: Date): TResumeExtract {
  const sections = sectionsOf(text);
  const linesOf = (key: SectionKey) => sections.filter((s) => s.key === key).flatMap((s) => s.lines.map(clean));
  const jobs = experienceOf(sections.filter((s) => s.key === "experience").flatMap((s) => s.lines), now);
  const claimed = Math.max(0, ...[...linesOf("header"), ...linesOf("summary")].flatMap((l) => yearsIn(l).map((y) => y.years)));
  const dated = yearsCovered(jobs.flatMap((j) => (j.from !== undefined && j.to !== undefined ? [{ from: j.from, to: j.to }] : [])));
  const years = Math.max(claimed, dated) || null;
  const headerParts = linesOf("header").map((l) => l.split(SPLIT).map((p) => p.trim()));
  const titleLine = headerParts.find((parts) => parts.some(isTitle));
  const headerTitle = titleLine?.find(isTitle) ?? null;
  const location = titleLine?.slice(titleLine.findIndex(isTitle) + 1).find(placeLike) ?? null;
  const latest = [...jobs].sort((a, b) => (b.to ?? 0) - (a.to ?? 0))[0];
  const role = headerTitle ?? latest?.title ?? null;
  const top = strengths(text, 5);
  const parts = [`${role ?? "Candidate"}${years ? ` with ${years} years of experience` : ""}`];
  if (latest?.employer) parts[0] += `, most recently ${latest.title ? `${latest.title} at ` : "at "}${latest.employer}`;
  if (top.length) parts.push(`Strengths: ${top.join(", ")}`);
  return {
    sections: [...new Set(sections.filter((s) => s.key !== "header").map((s) => s.key))],
    role,
    years,
    location,
    summary: `${parts.join(". ")}.`,
    experience: jobs.map(({ from: _f, to: _t, ...j }) => j),
    education: educationOf(linesOf("education"), now),
    skills: skillsIn(text),
  };
}
