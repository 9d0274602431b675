import { ErrorCode, type EvaluationContext, type JsonValue, type Provider, type ResolutionDetails } from "@openfeature/server-sdk";
import type { FlagStore } from "./flag-store.js";
import type { TFlagType, TFlagValue } from "./flags.schema.js";
import { evaluateTargeting, valueFits, type FlagSubject } from "./targeting.js";

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** OpenFeature's context → our subject: targetingKey is the account id (percentage rollouts hash it). */
export function subjectOf(context: EvaluationContext): FlagSubject {
  return {
    accountId: str(context.targetingKey) ?? str(context.accountId),
    userId: str(context.userId),
    organizationIds: strings(context.organizationIds),
    roles: strings(context.roles),
  };
}

/** The OpenFeature context for a subject (the inverse of subjectOf). */
export function contextOf(subject: FlagSubject): EvaluationContext {
  return {
    ...(subject.accountId ? { targetingKey: subject.accountId, accountId: subject.accountId } : {}),
    ...(subject.userId ? { userId: subject.userId } : {}),
    organizationIds: [...(subject.organizationIds ?? [])],
    roles: [...(subject.roles ?? [])],
  };
}

/**
 * Atrium's OpenFeature provider: resolves flags from the in-memory FlagStore (the
 * feature_flags table, refreshed on change), so an evaluation costs no round trip.
 */
export class AtriumFlagProvider implements Provider {
  readonly metadata = { name: "atrium-postgres" } as const;
  readonly runsOn = "server" as const;

  constructor(private readonly store: FlagStore) {}

  resolveBooleanEvaluation(key: string, fallback: boolean, context: EvaluationContext): Promise<ResolutionDetails<boolean>> {
    return Promise.resolve(this.resolve(key, fallback, context, ["boolean"]));
  }

  resolveStringEvaluation(key: string, fallback: string, context: EvaluationContext): Promise<ResolutionDetails<string>> {
    return Promise.resolve(this.resolve(key, fallback, context, ["string"]));
  }

  resolveNumberEvaluation(key: string, fallback: number, context: EvaluationContext): Promise<ResolutionDetails<number>> {
    return Promise.resolve(this.resolve(key, fallback, context, ["number"]));
  }

  resolveObjectEvaluation<T extends JsonValue>(key: string, fallback: T, context: EvaluationContext): Promise<ResolutionDetails<T>> {
    return Promise.resolve(this.resolve(key, fallback, context, ["json", "boolean", "string", "number"]));
  }

  private resolve<T>(key: string, fallback: T, context: EvaluationContext, types: TFlagType[]): ResolutionDetails<T> {
    const flag = this.store.get(key);
    if (!flag) return { value: fallback, reason: "ERROR", errorCode: ErrorCode.FLAG_NOT_FOUND, errorMessage: `No flag named ${key}` };
    if (!types.includes(flag.type)) return { value: fallback, reason: "ERROR", errorCode: ErrorCode.TYPE_MISMATCH, errorMessage: `${key} is a ${flag.type} flag` };
    const { value, reason, variant } = evaluateTargeting(key, flag.targeting, subjectOf(context));
    if (!valueFits(flag.type, value as TFlagValue)) return { value: fallback, reason: "ERROR", errorCode: ErrorCode.TYPE_MISMATCH };
    return { value: value as T, reason, variant };
  }
}
