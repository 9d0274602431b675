import type { DbOrTx } from "@atrium/db";
import { iso, isoOrNull } from "../shared/dates.js";
import * as repo from "./interview.repository.js";
import type { TCandidateInterview, TInterview, TInterviewFeedback, TScorecard } from "./interview.schema.js";

const text = (v: unknown) => (typeof v === "string" ? v : null);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

type Recording = Awaited<ReturnType<typeof repo.findRecordings>>[number];

function toRecording(r: Recording): NonNullable<TInterview["recording"]> {
  const done = r.jobStatus === "success";
  const result = r.result ?? {};
  return {
    documentId: r.documentId,
    filename: r.filename,
    transcriptionJobId: r.jobId,
    transcriptionStatus: r.jobStatus,
    transcript: done ? text(result.transcript) : null,
    summary: done ? text(result.summary) : null,
    sentiment: done ? num(result.sentiment) : null,
    error: r.jobStatus === "failed" ? (r.error ?? "Transcription failed") : null,
  };
}

/** The employer's views of these interviews: two more queries whatever their number (panels, recordings). */
export async function employerViews(db: DbOrTx, details: repo.InterviewDetail[]): Promise<TInterview[]> {
  const ids = details.map((d) => d.interview.id);
  const [panels, recordings] = await Promise.all([repo.findPanels(db, ids), repo.findRecordings(db, ids)]);
  return details.map(({ interview: i, ...d }) => {
    const recording = recordings.find((r) => r.interviewId === i.id);
    return {
      id: i.id,
      accountId: i.accountId,
      applicationId: i.applicationId,
      postingId: d.postingId,
      postingTitle: d.postingTitle,
      candidate: { userId: d.candidate.userId, username: d.candidate.username, displayName: d.candidate.displayName },
      ...whenAndWhere(i),
      reminderSentAt: isoOrNull(i.reminderSentAt),
      interviewers: panels
        .filter((p) => p.row.interviewId === i.id)
        .map((p) => ({ userId: p.row.userId, username: p.username, displayName: p.displayName, recommendation: p.row.recommendation, feedbackAt: isoOrNull(p.row.feedbackAt) })),
      recording: recording ? toRecording(recording) : null,
      createdAt: iso(i.createdAt),
    };
  });
}

/** What both sides read of an interview: when, how long, where, and whether it is on. */
const whenAndWhere = (i: repo.InterviewRow) => ({
  startsAt: iso(i.startsAt),
  durationMinutes: i.durationMinutes,
  meetingUrl: i.meetingUrl,
  location: i.location,
  status: i.status,
  confirmedAt: isoOrNull(i.confirmedAt),
});

/** The candidate's views: names of the interviewers, nothing they wrote. */
export async function candidateViews(db: DbOrTx, details: repo.InterviewDetail[]): Promise<TCandidateInterview[]> {
  const panels = await repo.findPanels(
    db,
    details.map((d) => d.interview.id),
  );
  return details.map(({ interview: i, ...d }) => ({
    id: i.id,
    applicationId: i.applicationId,
    postingTitle: d.postingTitle,
    employerName: d.employerName,
    ...whenAndWhere(i),
    interviewers: panels.filter((p) => p.row.interviewId === i.id).map((p) => ({ name: p.displayName ?? p.username })),
  }));
}

export function feedbackView(p: Awaited<ReturnType<typeof repo.findPanels>>[number]): TInterviewFeedback {
  return {
    interviewId: p.row.interviewId,
    userId: p.row.userId,
    username: p.username,
    displayName: p.displayName,
    notes: p.row.notes,
    scorecard: p.row.scorecard as TScorecard,
    recommendation: p.row.recommendation,
    feedbackAt: isoOrNull(p.row.feedbackAt),
  };
}

/** "Tue, 1 Dec 2026, 14:00 UTC": emails are read anywhere, so the zone is named. */
export function emailDate(d: Date): string {
  return `${new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(d)} UTC`;
}
