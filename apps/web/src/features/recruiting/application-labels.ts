import type { TApplicationStatus } from "@atrium/sdk";

export const STAGE_LABELS: Record<TApplicationStatus, string> = {
  applied: "Applied",
  screening: "Screening",
  interview: "Interview",
  offer: "Offer",
  hired: "Hired",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

export const STAGE_COLORS: Record<TApplicationStatus, string> = {
  applied: "gray",
  screening: "blue",
  interview: "violet",
  offer: "orange",
  hired: "green",
  rejected: "red",
  withdrawn: "dark",
};

/** A score for people: whole numbers, or why there is none. */
export function scoreLabel(match: { state: string; score: number | null }): string {
  if (match.score !== null) return String(Math.round(match.score));
  return { not_run: "Not run", queued: "Queued", running: "Running", failed: "Failed" }[match.state] ?? "—";
}
