import { z } from "zod";
import { ZOutboxEmail } from "./email.schema.js";
import { ZCursor, ZDirection, ZLimit, pageOf } from "../shared/pagination.schema.js";

export const ZListOutboxInput = z.strictObject({
  to: z.string().trim().max(254, "Can be at most 254 characters").optional().describe("Recipient address, any case"),
  limit: ZLimit,
  cursor: ZCursor,
  direction: ZDirection,
});
export type TListOutboxInput = z.infer<typeof ZListOutboxInput>;

export const ZOutboxIdInput = z.strictObject({ id: z.uuid("Not a valid email id") });

export const ZOutboxList = pageOf(ZOutboxEmail);
export type TOutboxList = z.infer<typeof ZOutboxList>;
