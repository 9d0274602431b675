import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.js";
import { accounts, tenantId } from "./accounts.js";
import { jobs } from "./analysis-jobs.js";
import { conversations } from "./messages.js";
import { documents } from "./documents.js";
import { users } from "./users.js";

/**
 * Recruiting (seed 002, HireQ): an account is an employer; its postings, the
 * applications candidates send to them, interviews and the candidates' own profiles.
 * A candidate is a user with a personal account: they reach an employer only
 * through an application, never as a member.
 */

export const postingStatus = pgEnum("posting_status", ["draft", "published", "closed"]);
export const employmentType = pgEnum("employment_type", ["full_time", "part_time", "contract", "internship", "temporary"]);

export const jobPostings = pgTable(
  "job_postings",
  {
    id: id(),
    accountId: tenantId(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    title: text().notNull(),
    description: text().notNull(),
    location: text().notNull().default(""),
    remote: boolean().notNull().default(false),
    employmentType: employmentType().notNull().default("full_time"),
    /** Yearly amounts in whole units of `salaryCurrency`; both optional, min ≤ max when both are set. */
    salaryMin: integer(),
    salaryMax: integer(),
    salaryCurrency: text().notNull().default("USD"),
    requiredSkills: text().array().notNull().default([]),
    niceToHaveSkills: text().array().notNull().default([]),
    status: postingStatus().notNull().default("draft"),
    /**
     * The posting's text as a `job_description` document of the employer, written on
     * publish and on every edit: what `resume_match` reads, so matching needs no second path.
     */
    jobDescriptionDocumentId: uuid().references(() => documents.id, { onDelete: "set null" }),
    publishedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("job_postings_account_status_created_idx").on(t.accountId, t.status, t.createdAt, t.id),
    // The public boards and the candidates' search: published postings, newest first.
    index("job_postings_status_published_idx").on(t.status, t.publishedAt, t.id),
    // The candidates' word search over every employer's postings (see postingSearchVector in core).
    index("job_postings_search_idx").using("gin", sql`to_tsvector('english', ${t.title} || ' ' || ${t.description} || ' ' || ${t.location})`),
  ],
);

export const applicationStatus = pgEnum("application_status", ["applied", "screening", "interview", "offer", "hired", "rejected", "withdrawn"]);
export const applicationSource = pgEnum("application_source", ["job_board", "direct_link", "referral", "other"]);

export const applications = pgTable(
  "applications",
  {
    id: id(),
    /** The employer: the posting's account. */
    accountId: tenantId(),
    postingId: uuid()
      .notNull()
      .references(() => jobPostings.id, { onDelete: "cascade" }),
    candidateUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The candidate's personal account, where their own copy of the résumé lives. */
    candidateAccountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    status: applicationStatus().notNull().default("applied"),
    source: applicationSource().notNull().default("job_board"),
    coverLetter: text().notNull().default(""),
    /** The candidate's résumé as they chose it (their account). */
    candidateResumeDocumentId: uuid().references(() => documents.id, { onDelete: "set null" }),
    /** The employer's copy of that résumé: the only document of the candidate the employer can read. */
    resumeDocumentId: uuid().references(() => documents.id, { onDelete: "set null" }),
    /** The `resume_match` run for this application (billed to the employer), and what it found. */
    matchJobId: uuid().references(() => jobs.id, { onDelete: "set null" }),
    matchScore: real(),
    matchedSkills: text().array().notNull().default([]),
    missingSkills: text().array().notNull().default([]),
    /** Why the match did not run or failed (the employer's balance refused it, the job failed); null when it ran or is running. */
    matchError: text(),
    /** The conversation between the candidate and the employer's recruiters about this application. */
    conversationId: uuid().references(() => conversations.id, { onDelete: "set null" }),
    appliedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    statusChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    hiredAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("applications_posting_candidate_key").on(t.postingId, t.candidateUserId),
    index("applications_account_posting_status_idx").on(t.accountId, t.postingId, t.status),
    index("applications_candidate_applied_idx").on(t.candidateUserId, t.appliedAt, t.id),
  ],
);

/** Every move of an application between stages: the funnel and time-to-hire read these. */
export const applicationStageChanges = pgTable(
  "application_stage_changes",
  {
    id: id(),
    accountId: tenantId(),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    fromStatus: applicationStatus(),
    toStatus: applicationStatus().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_stage_changes_application_idx").on(t.applicationId, t.at), index("application_stage_changes_account_at_idx").on(t.accountId, t.at)],
);

export const interviewStatus = pgEnum("interview_status", ["scheduled", "confirmed", "cancelled", "completed"]);

export const interviews = pgTable(
  "interviews",
  {
    id: id(),
    accountId: tenantId(),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    durationMinutes: integer().notNull().default(60),
    /** A video link or a place; at least one is set (the service checks). */
    meetingUrl: text(),
    location: text(),
    status: interviewStatus().notNull().default("scheduled"),
    confirmedAt: timestamp({ withTimezone: true }),
    /** Set when the reminder email is queued, so a reminder goes out once per interview time. */
    reminderSentAt: timestamp({ withTimezone: true }),
    /** An uploaded recording (employer's document) and its `interview_transcription` run. */
    recordingDocumentId: uuid().references(() => documents.id, { onDelete: "set null" }),
    transcriptionJobId: uuid().references(() => jobs.id, { onDelete: "set null" }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("interviews_account_starts_idx").on(t.accountId, t.startsAt, t.id),
    index("interviews_application_idx").on(t.applicationId),
    // The reminder sweep: upcoming interviews whose reminder has not gone out.
    index("interviews_reminder_due_idx").on(t.startsAt).where(sql`reminder_sent_at is null and status in ('scheduled', 'confirmed')`),
  ],
);

export const interviewRecommendation = pgEnum("interview_recommendation", ["strong_no", "no", "yes", "strong_yes"]);

/** Who interviews; each interviewer keeps notes and a scorecard. */
export const interviewInterviewers = pgTable(
  "interview_interviewers",
  {
    interviewId: uuid()
      .notNull()
      .references(() => interviews.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accountId: tenantId(),
    notes: text().notNull().default(""),
    /** [{ criterion, score 1–5, comment? }] validated by the service's zod contract. */
    scorecard: jsonb().notNull().default([]),
    recommendation: interviewRecommendation(),
    feedbackAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.userId] }), index("interview_interviewers_user_idx").on(t.userId)],
);

/**
 * A candidate's structured profile, one per user: parsed from a résumé by
 * `resume_parse`, then corrected by the candidate. JSON columns hold the
 * zod-validated shapes of the candidates contract.
 */
export const candidateProfiles = pgTable("candidate_profiles", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  accountId: tenantId(),
  headline: text().notNull().default(""),
  contact: jsonb().notNull().default({}),
  experience: jsonb().notNull().default([]),
  education: jsonb().notNull().default([]),
  skills: text().array().notNull().default([]),
  /** The résumé it was parsed from and the `resume_parse` run, if any. */
  sourceDocumentId: uuid().references(() => documents.id, { onDelete: "set null" }),
  parseJobId: uuid().references(() => jobs.id, { onDelete: "set null" }),
  parsedAt: timestamp({ withTimezone: true }),
  ...timestamps,
});
