import { z } from "zod";
import { ZMessageContent } from "../messages/message.schema.js";
import { ZDirection, ZLimit } from "../shared/pagination.schema.js";

// The conversation between an application's candidate and the employer's recruiting users,
// addressed by the application (the conversation itself is the messaging domain's).

const applicationId = z.uuid({ error: "Not a valid application id" });

export const ZApplicationConversationInput = z.strictObject({ id: applicationId });
export type TApplicationConversationInput = z.infer<typeof ZApplicationConversationInput>;

/** A thread page of the application's conversation, in reading order: the newest by default, older with `cursor`, newer with `after`. */
export const ZApplicationMessagesInput = z
  .strictObject({
    id: applicationId,
    limit: ZLimit,
    cursor: z.uuid({ error: "This cursor is not valid; use nextCursor from the previous page" }).optional().describe("Older than this message: the previous page's nextCursor"),
    after: z.uuid({ error: "Not a valid message id" }).optional().describe("Newer than this message, oldest first"),
    // TanStack's infinite-query hint; `after` is how this thread pages the other way.
    direction: ZDirection,
  })
  .refine((v) => !(v.cursor && v.after), { message: "Page either back (cursor) or forward (after), not both", path: ["after"] });
export type TApplicationMessagesInput = z.infer<typeof ZApplicationMessagesInput>;

export const ZApplicationSendInput = z.strictObject({ id: applicationId, content: ZMessageContent });
export type TApplicationSendInput = z.infer<typeof ZApplicationSendInput>;
