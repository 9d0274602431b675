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

export const ZCreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(100, "At most 100 characters"),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZCreatedApiKey = ZApiKey.extend({
  key: z.string().describe("The full key. Shown once: it is stored only as a hash."),
});
export type TCreatedApiKey = z.infer<typeof ZCreatedApiKey>;

export const ZApiKeyIdInput = z.object({ id: z.uuid("Not a valid key id") });

export const ZApiKeyList = z.object({ items: z.array(ZApiKey) });
