import { z } from "zod";

export const RECRUITING_JOBS = { interviewReminders: "recruiting.interview-reminders" } as const;

/** One sweep claims at most `limit` interviews; the next tick takes the rest. */
export const ZInterviewRemindersPayload = z.strictObject({ limit: z.number().int().min(1).max(1000).default(200) });
export type TInterviewRemindersPayload = z.infer<typeof ZInterviewRemindersPayload>;
