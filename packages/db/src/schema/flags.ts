import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { timestamps } from "./_columns.js";

/**
 * Feature flags, evaluated in memory by every api and worker process (OpenFeature, Atrium's
 * provider). `targeting` is `{ default, rules: [{ match, value }], rollout?: { percentage, value } }`;
 * `environments` holds a whole targeting per ATRIUM_ENV that replaces it there. The shapes are
 * checked by the zod contracts in packages/core/src/flags/flags.schema.ts; history is the audit log.
 */
export const featureFlags = pgTable("feature_flags", {
  key: text().primaryKey(),
  description: text().notNull().default(""),
  /** boolean | string | number | json: every value in the targeting has this type. */
  type: text().notNull(),
  targeting: jsonb().$type<Record<string, unknown>>().notNull(),
  environments: jsonb().$type<Record<string, Record<string, unknown>>>().notNull().default({}),
  ...timestamps,
});
