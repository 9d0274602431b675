import { z } from "zod";

/** What a price is per; the contract (browser-safe) owns the list, the pricing service reads it. */
export const PRICE_UNITS = {
  input: "1M input tokens",
  output: "1M output tokens",
  storage: "GB-month",
  compute: "second",
  chars: "1K characters read",
  run: "job run",
  audio: "audio minute",
} as const;

const UNITS = Object.values(PRICE_UNITS) as [string, ...string[]];

export const ZPrice = z
  .object({
    item: z.string(),
    unit: z.string(),
    /** Thousandths of a cent per unit (integers, so per-token prices stay exact). */
    unitPriceMillicents: z.number().int(),
    /** The same price in cents, for display. */
    unitPriceCents: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: "Price" });
export type TPrice = z.infer<typeof ZPrice>;

export const ZPriceList = z.object({ items: z.array(ZPrice) }).meta({ id: "PriceList" });
export type TPriceList = z.infer<typeof ZPriceList>;

export const ZPriceInput = z.strictObject({
  item: z
    .string()
    .trim()
    .min(1, { error: "Item is required" })
    .max(64, { error: "At most 64 characters" })
    .regex(/^[a-z0-9][a-z0-9._:-]*$/, { error: "Lowercase letters, digits and . _ : - only (a model name or compute:<job type>)" }),
  unit: z.enum(UNITS, { error: `Unit must be one of: ${UNITS.join(", ")}` }),
  unitPriceMillicents: z
    .number({ error: "Price must be a number" })
    .int({ error: "Price must be a whole number of thousandths of a cent" })
    .min(0, { error: "Price cannot be negative" })
    .max(1_000_000_000, { error: "At most $10,000 per unit" }),
});

/** Sets one or more prices at once (all or none); an item/unit not in the table yet is added, e.g. a new model. */
export const ZUpdatePricesInput = z.strictObject({
  prices: z
    .array(ZPriceInput)
    .min(1, { error: "Give at least one price" })
    .max(100, { error: "At most 100 prices at once" })
    .refine((ps) => new Set(ps.map((p) => `${p.item}|${p.unit}`)).size === ps.length, { error: "Each item/unit may appear only once" }),
});
export type TUpdatePricesInput = z.infer<typeof ZUpdatePricesInput>;
