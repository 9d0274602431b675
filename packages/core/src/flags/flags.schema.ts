import { z } from "zod";
import { TENANT_ROLES } from "../accounts/role.schema.js";

/** The flags Atrium itself checks; the seed (bootstrap) creates them, on. */
export const FLAGS = {
  aiAnalysis: "ai-analysis",
  documentProcessing: "document-processing",
  messaging: "messaging",
  recruiting: "recruiting",
} as const;
export type TKnownFlag = (typeof FLAGS)[keyof typeof FLAGS];

export const FLAG_TYPES = ["boolean", "string", "number", "json"] as const;
export const ZFlagType = z.enum(FLAG_TYPES);
export type TFlagType = z.infer<typeof ZFlagType>;

export const ZFlagKey = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, "lowercase letters, digits, dots, dashes or underscores (at most 63)");

/** A flag's value: its type says which of these (json = an object or an array, or any of them). */
export const ZFlagValue = z.union([z.boolean(), z.number(), z.string(), z.array(z.unknown()), z.record(z.string(), z.unknown())]);
export type TFlagValue = z.infer<typeof ZFlagValue>;

/** Roles a rule may match: a tenant role in the account being acted on, or platform staff. */
export const FLAG_ROLES = [...TENANT_ROLES, "staff"] as const;

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1).max(1000)]);

/** Every key given must match (AND); a key matches when any of its values does. */
export const ZFlagMatch = z
  .object({
    accountId: oneOrMany(z.uuid()),
    organizationId: oneOrMany(z.uuid()),
    userId: oneOrMany(z.uuid()),
    role: oneOrMany(z.enum(FLAG_ROLES)),
  })
  .partial()
  .strict()
  .refine((m) => Object.keys(m).length > 0, "name at least one of accountId, organizationId, userId, role");

/** First matching rule, then the rollout (a stable hash of the account id), then the default. */
export const ZFlagTargeting = z
  .object({
    default: ZFlagValue,
    rules: z.array(z.object({ match: ZFlagMatch, value: ZFlagValue }).strict()).max(200).default([]),
    rollout: z.object({ percentage: z.number().min(0).max(100), value: ZFlagValue }).strict().optional(),
  })
  .strict();
export type TFlagTargeting = z.infer<typeof ZFlagTargeting>;

export const ATRIUM_ENV_NAMES = ["development", "test", "staging", "production"] as const;
/** Per-environment state: a targeting that replaces the flag's own in that ATRIUM_ENV. */
export const ZFlagEnvironments = z.partialRecord(z.enum(ATRIUM_ENV_NAMES), ZFlagTargeting);
export type TFlagEnvironments = z.infer<typeof ZFlagEnvironments>;

export const ZFlag = z.object({
  key: z.string(),
  description: z.string(),
  type: ZFlagType,
  targeting: ZFlagTargeting,
  environments: ZFlagEnvironments,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TFlag = z.infer<typeof ZFlag>;

export const ZFlagList = z.object({ items: z.array(ZFlag) });

export const ZCreateFlagInput = z.object({
  key: ZFlagKey,
  description: z.string().max(500).default(""),
  type: ZFlagType,
  targeting: ZFlagTargeting,
  environments: ZFlagEnvironments.default({}),
});
export type TCreateFlagInput = z.infer<typeof ZCreateFlagInput>;

export const ZFlagKeyInput = z.object({ key: ZFlagKey });

export const ZUpdateFlagInput = z.object({
  key: ZFlagKey,
  description: z.string().max(500).optional(),
  targeting: ZFlagTargeting.optional(),
  /** Replaces the whole map; `{}` clears every environment's own targeting. */
  environments: ZFlagEnvironments.optional(),
});
export type TUpdateFlagInput = z.infer<typeof ZUpdateFlagInput>;

/** One change of a flag, from the audit log: who, when, before and after. */
export const ZFlagChange = z.object({
  id: z.string(),
  eventType: z.string(),
  actorUsername: z.string().nullable(),
  occurredAt: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export const ZFlagDetail = ZFlag.extend({ history: z.array(ZFlagChange) });
export type TFlagDetail = z.infer<typeof ZFlagDetail>;

export const ZMyFlagsInput = z.object({ accountId: z.uuid().optional() }).default({});
/** The caller's evaluated flags, key → value, in the environment the server runs. */
export const ZMyFlags = z.object({ environment: z.string(), flags: z.record(z.string(), ZFlagValue) });
export type TMyFlags = z.infer<typeof ZMyFlags>;
