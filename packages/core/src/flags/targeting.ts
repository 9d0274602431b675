import { createHash } from "node:crypto";
import type { TFlagTargeting, TFlagType, TFlagValue } from "./flags.schema.js";

/** Who a flag is evaluated for: the account acted on, the user, their organizations and roles. */
export interface FlagSubject {
  accountId?: string | undefined;
  userId?: string | undefined;
  organizationIds?: readonly string[];
  /** The caller's role in `accountId`, plus "staff" for platform staff. */
  roles?: readonly string[];
}

export type FlagReason = "TARGETING_MATCH" | "SPLIT" | "DEFAULT";

/**
 * A stable bucket in [0, 100) for an account and a flag: the same account always lands in
 * the same place (raising the percentage only adds accounts), and the flag key in the hash
 * keeps two rollouts of 10% from picking the same 10% of tenants.
 */
export function rolloutBucket(flagKey: string, accountId: string): number {
  const digest = createHash("sha256").update(`${flagKey}:${accountId}`).digest();
  return (digest.readUInt32BE(0) / 0x1_0000_0000) * 100;
}

const asList = (v: string | readonly string[] | undefined): readonly string[] => (v === undefined ? [] : typeof v === "string" ? [v] : v);
const overlaps = (wanted: string | readonly string[] | undefined, have: readonly string[]) => asList(wanted).some((w) => have.includes(w));

/** First matching rule, then the rollout, then the default. */
export function evaluateTargeting(flagKey: string, targeting: TFlagTargeting, subject: FlagSubject): { value: TFlagValue; reason: FlagReason; variant: string } {
  for (const [i, rule] of targeting.rules.entries()) {
    const m = rule.match;
    const ok =
      (m.accountId === undefined || overlaps(m.accountId, subject.accountId ? [subject.accountId] : [])) &&
      (m.userId === undefined || overlaps(m.userId, subject.userId ? [subject.userId] : [])) &&
      (m.organizationId === undefined || overlaps(m.organizationId, subject.organizationIds ?? [])) &&
      (m.role === undefined || overlaps(m.role, subject.roles ?? []));
    if (ok) return { value: rule.value, reason: "TARGETING_MATCH", variant: `rule-${i}` };
  }
  const rollout = targeting.rollout;
  if (rollout && subject.accountId && rolloutBucket(flagKey, subject.accountId) < rollout.percentage) {
    return { value: rollout.value, reason: "SPLIT", variant: "rollout" };
  }
  return { value: targeting.default, reason: "DEFAULT", variant: "default" };
}

/** Whether a value fits the flag's type (json takes objects and arrays, or any value). */
export function valueFits(type: TFlagType, value: TFlagValue): boolean {
  if (type === "json") return true;
  if (type === "number") return typeof value === "number" && Number.isFinite(value);
  return typeof value === type;
}

/** Field errors for every value in a targeting that doesn't fit the type, keyed like the input. */
export function targetingTypeErrors(type: TFlagType, targeting: TFlagTargeting, path: string): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const message = `must be a ${type} value, as the flag's type says`;
  const check = (value: TFlagValue, at: string) => {
    if (!valueFits(type, value)) errors[at] = [message];
  };
  check(targeting.default, `${path}.default`);
  targeting.rules.forEach((r, i) => check(r.value, `${path}.rules.${i}.value`));
  if (targeting.rollout) check(targeting.rollout.value, `${path}.rollout.value`);
  return errors;
}
