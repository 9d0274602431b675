import { z } from "zod";
import { ZCursor, ZLimit, ZDirection } from "../shared/pagination.schema.js";

export const LEDGER_ENTRY_TYPES = ["credit", "debit", "adjustment", "refund"] as const;
export const ZLedgerEntryType = z.enum(LEDGER_ENTRY_TYPES, { error: "Type must be one of credit, debit, adjustment, refund" });
export type TLedgerEntryType = z.infer<typeof ZLedgerEntryType>;

/** What a ledger credit for a Stripe Checkout top-up is related to; revenue metrics count these. */
export const TOPUP_RELATED_TYPE = "stripe_checkout";

export const ZLedgerEntry = z
  .object({
    id: z.uuid(),
    type: ZLedgerEntryType,
    /** Signed: credits and refunds positive, debits negative, adjustments either. */
    amountCents: z.number().int(),
    balanceAfterCents: z.number().int(),
    reason: z.string().nullable(),
    actorUsername: z.string().nullable(),
    relatedType: z.string().nullable(),
    relatedId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "LedgerEntry" });
export type TLedgerEntry = z.infer<typeof ZLedgerEntry>;

const ZAccountRef = z.uuid({ error: "Not a valid account id" }).optional().describe("Defaults to your home account");

export const ZListLedgerInput = z.strictObject({
  accountId: ZAccountRef,
  type: ZLedgerEntryType.optional(),
  limit: ZLimit,
  cursor: ZCursor,
  direction: ZDirection,
});
export type TListLedgerInput = z.infer<typeof ZListLedgerInput>;

export const ZLedgerPage = z.object({ items: z.array(ZLedgerEntry), nextCursor: z.string().nullable() }).meta({ id: "LedgerPage" });
export type TLedgerPage = z.infer<typeof ZLedgerPage>;

const ZIsoDate = z.iso.date({ error: "Use a date like 2025-12-31" });

/** Filters of the staff CSV export; `to` includes that whole day (UTC). */
export const ZLedgerExportFilters = z.strictObject({
  accountId: z.uuid({ error: "Not a valid account id" }).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});
export type TLedgerExportFilters = z.infer<typeof ZLedgerExportFilters>;
