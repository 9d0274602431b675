import { z } from "zod";

export const ASSISTANT_QUESTION_MAX = 1000;

export const ZAskAssistantInput = z
  .strictObject({
    question: z.string({ error: "Ask a question" }).trim().min(3, "Ask a question").max(ASSISTANT_QUESTION_MAX, `At most ${ASSISTANT_QUESTION_MAX} characters`),
    postingId: z.uuid({ error: "Not a valid posting id" }).optional().describe("Ask about this posting and its applicants"),
    applicationId: z.uuid({ error: "Not a valid application id" }).optional().describe("Ask about this candidate's application"),
  })
  .refine((v) => Boolean(v.postingId) !== Boolean(v.applicationId), { message: "Name either a posting or an application", path: ["postingId"] })
  .describe("A question about one of your postings or applications; the answer cites the rows it used");
export type TAskAssistantInput = z.infer<typeof ZAskAssistantInput>;

export const ASSISTANT_SOURCE_TYPES = ["posting", "application", "document"] as const;
export const ZAssistantCitation = z.object({ type: z.enum(ASSISTANT_SOURCE_TYPES), id: z.uuid(), title: z.string() }).meta({ id: "AssistantCitation" });
export type TAssistantCitation = z.infer<typeof ZAssistantCitation>;

export const ZAssistantAnswer = z
  .object({
    answer: z.string(),
    /** Only rows the assistant was given (the tenant's own); ids the model made up are dropped. */
    citations: z.array(ZAssistantCitation),
    model: z.string(),
    costCents: z.number().int().min(0),
    /** True when the gathered data was cut to the size budget. */
    truncated: z.boolean(),
  })
  .meta({ id: "AssistantAnswer" });
export type TAssistantAnswer = z.infer<typeof ZAssistantAnswer>;
