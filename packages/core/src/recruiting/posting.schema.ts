import { z } from "zod";
import { ZCursor, ZDirection, ZLimit } from "../shared/pagination.schema.js";
import { zQueryBool } from "../shared/fields.schema.js";

/**
 * Job postings (issue 15): an employer's (account's) open roles. Drafts are private to the
 * account's recruiting members; published ones are on the public board; closed ones leave it
 * and can be published again (there is no separate "reopen": publishing a closed posting is it).
 */
export const POSTING_STATUSES = ["draft", "published", "closed"] as const;
export const ZPostingStatus = z.enum(POSTING_STATUSES, { error: "Status must be draft, published or closed" });
export type TPostingStatus = z.infer<typeof ZPostingStatus>;

export const EMPLOYMENT_TYPES = ["full_time", "part_time", "contract", "internship", "temporary"] as const;
export const ZEmploymentType = z.enum(EMPLOYMENT_TYPES, { error: "Employment type must be full_time, part_time, contract, internship or temporary" });
export type TEmploymentType = z.infer<typeof ZEmploymentType>;

export const POSTING_TITLE_MAX = 200;
export const POSTING_DESCRIPTION_MAX = 20_000;
export const POSTING_SKILLS_MAX = 30;
export const SKILL_MAX_LENGTH = 60;
/** Yearly amounts in whole currency units; a bound keeps typos (an extra 0 or 5) out. */
export const SALARY_MAX = 100_000_000;

/**
 * Skills as people type them: trimmed, inner whitespace collapsed, duplicates dropped
 * case-insensitively (the first spelling wins), empty entries ignored, at most
 * POSTING_SKILLS_MAX of them.
 */
export const normalizeSkills = (skills: readonly string[]): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of skills) {
    const skill = raw.trim().replace(/\s+/g, " ");
    const key = skill.toLowerCase();
    if (!skill || seen.has(key)) continue;
    seen.add(key);
    out.push(skill);
  }
  return out;
};

const zSkills = z
  .array(z.string({ error: "A skill must be text" }).max(SKILL_MAX_LENGTH, `A skill has at most ${SKILL_MAX_LENGTH} characters`), { error: "Skills must be a list of text" })
  .max(POSTING_SKILLS_MAX * 2, `At most ${POSTING_SKILLS_MAX} skills`)
  .transform(normalizeSkills)
  .pipe(z.array(z.string()).max(POSTING_SKILLS_MAX, `At most ${POSTING_SKILLS_MAX} skills`));

const zSalary = z
  .number({ error: "Salary must be a number" })
  .int("Salary must be a whole amount")
  .min(0, "Salary can't be negative")
  .max(SALARY_MAX, `Salary can be at most ${SALARY_MAX}`)
  .nullable();

const postingFields = {
  title: z.string({ error: "Give the posting a title" }).trim().min(1, "Give the posting a title").max(POSTING_TITLE_MAX, `At most ${POSTING_TITLE_MAX} characters`),
  description: z
    .string({ error: "Describe the role" })
    .trim()
    .min(1, "Describe the role")
    .max(POSTING_DESCRIPTION_MAX, `At most ${POSTING_DESCRIPTION_MAX} characters`),
  location: z.string({ error: "Location must be text" }).trim().max(200, "At most 200 characters"),
  remote: z.boolean({ error: "Remote must be true or false" }),
  employmentType: ZEmploymentType,
  salaryMin: zSalary,
  salaryMax: zSalary,
  salaryCurrency: z
    .string({ error: "Currency must be a 3-letter code" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Currency must be a 3-letter code such as USD or EUR"),
  requiredSkills: zSkills,
  niceToHaveSkills: zSkills,
};

/** min ≤ max when both are given; the service checks it again against the stored values on edits. */
const salaryOrdered = (v: { salaryMin?: number | null; salaryMax?: number | null }, ctx: z.RefinementCtx) => {
  if (v.salaryMin != null && v.salaryMax != null && v.salaryMin > v.salaryMax) {
    ctx.addIssue({ code: "custom", path: ["salaryMax"], message: "The maximum salary can't be below the minimum" });
  }
};

export const ZCreatePostingInput = z
  .strictObject({
    accountId: z.uuid({ error: "Not a valid account id" }).optional().describe("The employer; defaults to your home account"),
    title: postingFields.title,
    description: postingFields.description,
    location: postingFields.location.default(""),
    remote: postingFields.remote.default(false),
    employmentType: postingFields.employmentType.default("full_time"),
    salaryMin: postingFields.salaryMin.optional(),
    salaryMax: postingFields.salaryMax.optional(),
    salaryCurrency: postingFields.salaryCurrency.default("USD"),
    requiredSkills: postingFields.requiredSkills.default([]),
    niceToHaveSkills: postingFields.niceToHaveSkills.default([]),
  })
  .superRefine(salaryOrdered);
export type TCreatePostingInput = z.infer<typeof ZCreatePostingInput>;

/** Only the fields sent change; null clears a salary bound. */
export const ZUpdatePostingInput = z
  .strictObject({
    id: z.uuid({ error: "Not a valid posting id" }),
    title: postingFields.title.optional(),
    description: postingFields.description.optional(),
    location: postingFields.location.optional(),
    remote: postingFields.remote.optional(),
    employmentType: postingFields.employmentType.optional(),
    salaryMin: postingFields.salaryMin.optional(),
    salaryMax: postingFields.salaryMax.optional(),
    salaryCurrency: postingFields.salaryCurrency.optional(),
    requiredSkills: postingFields.requiredSkills.optional(),
    niceToHaveSkills: postingFields.niceToHaveSkills.optional(),
  })
  .superRefine(salaryOrdered);
export type TUpdatePostingInput = z.infer<typeof ZUpdatePostingInput>;

export const ZPostingIdInput = z.strictObject({ id: z.uuid({ error: "Not a valid posting id" }) });
export type TPostingIdInput = z.infer<typeof ZPostingIdInput>;

const zQuery = z.string({ error: "Search must be text" }).trim().max(200, "Search at most 200 characters");

export const ZListPostingsInput = z.strictObject({
  accountId: z.uuid({ error: "Not a valid account id" }).optional().describe("The employer; defaults to your home account"),
  status: ZPostingStatus.optional(),
  q: zQuery.optional().describe("Words in the title or location"),
  limit: ZLimit,
  cursor: ZCursor,
  direction: ZDirection,
});
export type TListPostingsInput = z.infer<typeof ZListPostingsInput>;

const postingView = {
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  location: z.string(),
  remote: z.boolean(),
  employmentType: ZEmploymentType,
  salaryMin: z.number().int().nullable(),
  salaryMax: z.number().int().nullable(),
  salaryCurrency: z.string(),
  requiredSkills: z.array(z.string()),
  niceToHaveSkills: z.array(z.string()),
  publishedAt: z.string().nullable(),
};

export const ZPosting = z
  .object({
    ...postingView,
    accountId: z.uuid(),
    status: ZPostingStatus,
    createdById: z.uuid().nullable(),
    jobDescriptionDocumentId: z.uuid().nullable().describe("The posting's text as a job_description document of the employer (written on publish and on edits)"),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "JobPosting" });
export type TPosting = z.infer<typeof ZPosting>;

export const ZPostingPage = z.object({ items: z.array(ZPosting), nextCursor: z.string().nullable() }).meta({ id: "JobPostingPage" });
export type TPostingPage = z.infer<typeof ZPostingPage>;

// ---- The public board: published postings only, no internal ids or authors ----

export const ZPublicEmployer = z.object({ slug: z.string(), name: z.string() }).meta({ id: "PublicEmployer" });

export const ZPublicPosting = z
  .object({ ...postingView, employer: ZPublicEmployer })
  .meta({ id: "PublicJobPosting" });
export type TPublicPosting = z.infer<typeof ZPublicPosting>;

export const ZPublicPostingPage = z.object({ items: z.array(ZPublicPosting), nextCursor: z.string().nullable() }).meta({ id: "PublicJobPostingPage" });
export type TPublicPostingPage = z.infer<typeof ZPublicPostingPage>;

const zAccountSlug = z
  .string({ error: "Not a valid employer" })
  .trim()
  .min(1, "Not a valid employer")
  .max(100, "Not a valid employer")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "Not a valid employer");

export const ZPublicBoardInput = z.strictObject({ accountSlug: zAccountSlug, limit: ZLimit, cursor: ZCursor, direction: ZDirection });
export type TPublicBoardInput = z.infer<typeof ZPublicBoardInput>;

export const ZPublicPostingInput = z.strictObject({ accountSlug: zAccountSlug, postingId: z.uuid({ error: "Not a valid posting id" }) });
export type TPublicPostingInput = z.infer<typeof ZPublicPostingInput>;

/** Every employer's published postings: full-text words, a place, remote only, a kind of contract. */
export const ZSearchPostingsInput = z.strictObject({
  q: zQuery.optional().describe("Words in the title, description or location (web search syntax: quotes, -word, or)"),
  location: z.string({ error: "Location must be text" }).trim().max(100, "Location at most 100 characters").optional(),
  remote: zQueryBool.optional().describe("Only remote (true) or only on-site (false) postings"),
  employmentType: ZEmploymentType.optional(),
  limit: ZLimit,
  cursor: ZCursor,
  direction: ZDirection,
});
export type TSearchPostingsInput = z.infer<typeof ZSearchPostingsInput>;
