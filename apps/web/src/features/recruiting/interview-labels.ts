import { formatDateTime } from "../../lib/format";

export const INTERVIEW_STATUS_COLORS = { scheduled: "blue", confirmed: "green", cancelled: "gray", completed: "teal" } as const;

/** "1 Dec 2026, 14:00 · 45 min". */
export const when = (i: { startsAt: string; durationMinutes: number }) => `${formatDateTime(i.startsAt)} · ${i.durationMinutes} min`;

export const isLive = (i: { status: string }) => i.status === "scheduled" || i.status === "confirmed";
