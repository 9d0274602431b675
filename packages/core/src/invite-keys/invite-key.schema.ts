import { z } from "zod";
import { ZCursor, ZDirection, ZLimit, pageOf } from "../shared/pagination.schema.js";

export const INVITE_KEY_STATUSES = ["active", "used", "expired", "revoked"] as const;
export const ZInviteKeyStatus = z.enum(INVITE_KEY_STATUSES);
export type TInviteKeyStatus = z.infer<typeof ZInviteKeyStatus>;

export const ZCreateInviteKeyInput = z.strictObject({
  expiresDays: z.coerce
    .number({ error: "Expiry must be a number of days" })
    .int("Expiry must be a whole number of days")
    .min(1, "Expiry must be at least 1 day")
    .max(365, "Expiry can be at most 365 days")
    .default(7),
  notes: z.string().trim().max(500, "Notes can be at most 500 characters").optional(),
});
export type TCreateInviteKeyInput = z.infer<typeof ZCreateInviteKeyInput>;

export const ZListInviteKeysInput = z.strictObject({
  limit: ZLimit,
  cursor: ZCursor,
  direction: ZDirection,
  status: ZInviteKeyStatus.optional(),
});
export type TListInviteKeysInput = z.infer<typeof ZListInviteKeysInput>;

export const ZInviteKeyIdInput = z.strictObject({ id: z.uuid("Not a valid invite key id") });

export const ZInviteKey = z
  .object({
    id: z.uuid(),
    prefix: z.string().describe("The first characters of the key, to recognise it"),
    notes: z.string().nullable(),
    status: ZInviteKeyStatus,
    expiresAt: z.string(),
    createdAt: z.string(),
    createdById: z.uuid().nullable(),
    createdByUsername: z.string().nullable(),
    usedById: z.uuid().nullable(),
    usedByUsername: z.string().nullable(),
    usedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "InviteKey" });
export type TInviteKey = z.infer<typeof ZInviteKey>;

export const ZCreatedInviteKey = ZInviteKey.extend({
  key: z.string().describe("The invite key itself. Shown only in this answer; only its hash is stored."),
}).meta({ id: "CreatedInviteKey" });
export type TCreatedInviteKey = z.infer<typeof ZCreatedInviteKey>;

export const ZInviteKeyList = pageOf(ZInviteKey);
export type TInviteKeyList = z.infer<typeof ZInviteKeyList>;
