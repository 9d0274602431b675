import { z } from "zod";
import { ZJobStatus } from "../analysis-jobs/analysis-jobs.schema.js";

/** The bounds of a candidate profile (the README's recruiting section names them too). */
export const PROFILE_LIMITS = { experience: 30, education: 20, skills: 100, links: 10, skillChars: 60, summaryChars: 2000 } as const;

/** A free-text field: trimmed, at most `max` characters. */
const text = (max: number, what: string) => z.string({ error: `${what} must be text` }).trim().max(max, `${what}: at most ${max} characters`);
const optionalText = (max: number, what: string) => text(max, what).nullable();
/** Dates as people write them on a résumé ("2019", "Jun 2018", "2021-03"). */
const date = (what: string) => text(20, what);

export const ZProfileContact = z.strictObject({
  name: optionalText(120, "Name").default(null),
  email: z.email({ error: "Not a valid email address" }).max(254, "Email: at most 254 characters").nullable().default(null),
  phone: optionalText(40, "Phone").default(null),
  location: optionalText(120, "Location").default(null),
  links: z.array(text(300, "Link").min(1, "A link can't be empty"), { error: "Links must be a list" }).max(PROFILE_LIMITS.links, `At most ${PROFILE_LIMITS.links} links`).default([]),
});
export type TProfileContact = z.infer<typeof ZProfileContact>;

/** A job needs a title or a company (a parsed résumé may only say "Klarna (2019 - 2025)"). */
export const ZProfileExperience = z.strictObject({
  title: text(120, "Title").default(""),
  company: text(120, "Company").default(""),
  start: date("Start").default(""),
  /** null: the person still works there. */
  end: date("End").nullable().default(null),
  summary: text(PROFILE_LIMITS.summaryChars, "Summary").default(""),
}).refine((e) => e.title !== "" || e.company !== "", { message: "Give the job a title or a company", path: ["title"] });
export type TProfileExperience = z.infer<typeof ZProfileExperience>;

export const ZProfileEducation = z.strictObject({
  school: text(160, "School").min(1, "Name the school"),
  degree: text(120, "Degree").default(""),
  field: text(120, "Field").default(""),
  start: date("Start").default(""),
  end: date("End").default(""),
});
export type TProfileEducation = z.infer<typeof ZProfileEducation>;

const ZSkill = text(PROFILE_LIMITS.skillChars, "Skill").min(1, "A skill can't be empty");

export const ZUpdateCandidateProfileInput = z
  .strictObject({
    headline: text(160, "Headline").optional(),
    contact: ZProfileContact.optional(),
    experience: z.array(ZProfileExperience).max(PROFILE_LIMITS.experience, `At most ${PROFILE_LIMITS.experience} jobs`).optional(),
    education: z.array(ZProfileEducation).max(PROFILE_LIMITS.education, `At most ${PROFILE_LIMITS.education} schools`).optional(),
    skills: z.array(ZSkill).max(PROFILE_LIMITS.skills, `At most ${PROFILE_LIMITS.skills} skills`).optional(),
  })
  .describe("The parts of your profile to replace; parts left out stay as they are");
export type TUpdateCandidateProfileInput = z.infer<typeof ZUpdateCandidateProfileInput>;

export const ZParseCandidateProfileInput = z.strictObject({
  documentId: z.uuid({ error: "documentId must be a document id" }).describe("One of your own documents: the résumé to read"),
});
export type TParseCandidateProfileInput = z.infer<typeof ZParseCandidateProfileInput>;

/** The stored profile as clients see it; `parse` says how the last "fill from résumé" went (its job, live over realtime). */
export const ZCandidateProfile = z
  .object({
    userId: z.uuid(),
    headline: z.string(),
    contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(), location: z.string().nullable(), links: z.array(z.string()) }),
    experience: z.array(z.object({ title: z.string(), company: z.string(), start: z.string(), end: z.string().nullable(), summary: z.string() })),
    education: z.array(z.object({ school: z.string(), degree: z.string(), field: z.string(), start: z.string(), end: z.string() })),
    skills: z.array(z.string()),
    /** false until the candidate saves or a résumé fills it: the SPA's empty state. */
    exists: z.boolean(),
    sourceDocumentId: z.uuid().nullable(),
    parse: z.object({ jobId: z.uuid(), status: ZJobStatus, error: z.string().nullable(), appliedAt: z.string().nullable() }).nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: "CandidateProfile" });
export type TCandidateProfile = z.infer<typeof ZCandidateProfile>;
