import { z } from "zod";

export const ZApiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe("The first characters of the key, to tell keys apart"),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "ApiKey" });
export type TApiKey = z.infer<typeof ZApiKey>;

export const ZCreateApiKeyInput = z.strictObject({
  name: z.string().trim().min(1, "Give the key a name").max(100, "At most 100 characters"),
  expiresInDays: z
    .number({ error: "Expiry must be a number of days" })
    .int("Expiry must be a whole number of days")
    .min(1, "Expiry must be at least 1 day")
    .max(3650, "Expiry can be at most 3650 days")
    .optional(),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZCreatedApiKey = ZApiKey.extend({
  key: z.string().describe("The full key. Shown once: it is stored only as a hash."),
});
export type TCreatedApiKey = z.infer<typeof ZCreatedApiKey>;

export const ZApiKeyIdInput = z.strictObject({ id: z.uuid("Not a valid key id") });

export const ZApiKeyList = z.object({ items: z.array(ZApiKey) });
