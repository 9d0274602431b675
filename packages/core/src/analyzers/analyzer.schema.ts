import { z } from "zod";

/**
 * What each analysis returns; shared by the local and the LLM analyzers (the LLM's JSON is parsed with these).
 * The local analyzer's extra detail (a résumé's sections, a match's breakdown) is optional, so an LLM's
 * answer with the base fields still validates.
 */
export const ZEntity = z.object({ text: z.string(), type: z.string() });

const nullableString = z.string().nullable();

/** What a résumé says, section by section. */
export const ZResumeExtract = z.object({
  /** The sections found, in order: summary, experience, education, skills, ... */
  sections: z.array(z.string()),
  /** The title the person gives themselves, else their latest job's. */
  role: nullableString,
  years: z.number().min(0).nullable(),
  /** Where the person is, from the header ("Senior Backend Engineer, Stockholm"). */
  location: nullableString,
  summary: z.string(),
  experience: z.array(z.object({ title: nullableString, employer: nullableString, location: nullableString, start: nullableString, end: nullableString })),
  education: z.array(z.object({ school: z.string(), degree: nullableString, start: nullableString, end: nullableString })),
  skills: z.array(z.string()),
});
export type TResumeExtract = z.infer<typeof ZResumeExtract>;

/** A résumé as a structured profile (the `resume_parse` job's result): who, how to reach them, where they worked and studied, what they can do. */
export const ZResumeProfile = z.object({
  contact: z.object({
    name: nullableString,
    email: nullableString,
    phone: nullableString,
    location: nullableString,
    links: z.array(z.string()).default([]),
  }),
  /** The title the person gives themselves, else their latest job's. */
  headline: nullableString,
  years: z.number().min(0).nullable(),
  summary: z.string(),
  experience: z.array(
    z.object({ title: nullableString, employer: nullableString, location: nullableString, start: nullableString, end: nullableString, highlights: z.array(z.string()).default([]) }),
  ),
  education: z.array(z.object({ school: z.string(), degree: nullableString, start: nullableString, end: nullableString })),
  /** Every skill: the maintained vocabulary's names first, then the résumé's own skill phrases. */
  skills: z.array(z.string()),
  /** Where each skill came from: the vocabulary (canonical names) or the résumé's own noun phrases. */
  skillSources: z.object({ vocabulary: z.array(z.string()), phrases: z.array(z.string()) }).optional(),
});
export type TResumeProfile = z.infer<typeof ZResumeProfile>;

/** How the local analyzer read a document (what it found in it, not the kind the uploader chose). */
export const ZReadAs = z.enum(["resume", "transcript", "other"]);

export const ZDocumentAnalysis = z.object({
  summary: z.string(),
  keywords: z.array(z.string()),
  skills: z.array(z.string()),
  entities: z.array(ZEntity),
  /** −1 (negative) … 1 (positive); only where a tone means something (an interview transcript), absent on a résumé. */
  sentiment: z.number().min(-1).max(1).optional(),
  readAs: ZReadAs.optional(),
  resume: ZResumeExtract.optional(),
});
export type TDocumentAnalysis = z.infer<typeof ZDocumentAnalysis>;

/** One requirement of a posting: any one of `anyOf` satisfies it ("Go or Java"); `matchedBy` is the one the résumé has. */
export const ZSkillGroup = z.object({ anyOf: z.array(z.string()).min(1), matchedBy: z.string().nullable() });
export type TSkillGroup = z.infer<typeof ZSkillGroup>;

/** One term of the score: `value` 0..1, `weight` its share (the weights of the parts that apply sum to 1), `points` = 100 × weight × value. */
export const ZScorePart = z.object({
  key: z.enum(["required", "niceToHave", "years", "text", "meaning"]),
  label: z.string(),
  weight: z.number().min(0).max(1),
  value: z.number().min(0).max(1),
  points: z.number().min(0).max(100),
  detail: z.string(),
});
export type TScorePart = z.infer<typeof ZScorePart>;

export const ZMatchBreakdown = z.object({
  formula: z.string(),
  parts: z.array(ZScorePart),
  required: z.array(ZSkillGroup),
  niceToHave: z.array(ZSkillGroup),
  years: z.object({ required: z.number().nullable(), found: z.number().nullable() }),
});
export type TMatchBreakdown = z.infer<typeof ZMatchBreakdown>;

export const ZResumeMatch = z.object({
  score: z.number().min(0).max(100),
  matchedSkills: z.array(z.string()),
  missingSkills: z.array(z.string()),
  summary: z.string(),
  breakdown: ZMatchBreakdown.optional(),
});
export type TResumeMatch = z.infer<typeof ZResumeMatch>;

export const ZWorklogSummary = z.object({
  bullets: z.array(z.string()),
  summary: z.string(),
  /** The worklog's tone, −1 … 1: a week of "blocked again" reads differently from one of launches. */
  sentiment: z.number().min(-1).max(1).optional(),
});
export type TWorklogSummary = z.infer<typeof ZWorklogSummary>;
