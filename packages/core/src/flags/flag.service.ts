import { recordAudit } from "../audit/audit.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { iso } from "../shared/dates.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { authorizeStaff, type PolicyActor } from "../accounts/policy.service.js";
import type { TenantActor } from "../accounts/actor.service.js";
import { inTransaction } from "../shared/tx.js";
import * as repo from "./flag.repository.js";
import {
  FLAGS,
  ZFlagEnvironments,
  ZFlagTargeting,
  type TCreateFlagInput,
  type TFlag,
  type TFlagDetail,
  type TFlagEnvironments,
  type TFlagTargeting,
  type TFlagType,
  type TMyFlags,
  type TUpdateFlagInput,
} from "./flags.schema.js";
import { subjectFor } from "./flag-gate.js";
import { targetingTypeErrors } from "./targeting.js";

const BUILT_IN = new Set<string>(Object.values(FLAGS));

/** Staff manage flags; the routers say so too, the rule lives here. */
type StaffActor = Pick<PolicyActor, "userId" | "username" | "isStaff">;
const authorizeFlagStaff = (actor: StaffActor) => authorizeStaff(actor, "manage feature flags");

export const toFlagDto = (r: repo.FlagRow): TFlag => ({
  key: r.key,
  description: r.description,
  type: r.type as TFlagType,
  targeting: ZFlagTargeting.parse(r.targeting),
  environments: ZFlagEnvironments.parse(r.environments),
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

/** Every value must have the flag's type, in the targeting and in each environment's own. */
function assertTypes(type: TFlagType, targeting: TFlagTargeting, environments: TFlagEnvironments): void {
  const errors = targetingTypeErrors(type, targeting, "targeting");
  for (const [env, t] of Object.entries(environments)) if (t) Object.assign(errors, targetingTypeErrors(type, t, `environments.${env}`));
  const first = Object.entries(errors)[0];
  if (first) throw new ServiceError("BAD_REQUEST", `${first[0]}: ${first[1].join(", ")}`, errors);
}

/** What the audit log keeps of a flag, before and after each change. */
const snapshot = (f: TFlag) => ({ description: f.description, type: f.type, targeting: f.targeting, environments: f.environments });

export async function listFlags(ctx: ServiceContext, actor: StaffActor): Promise<{ items: TFlag[] }> {
  authorizeFlagStaff(actor);
  return { items: (await repo.listFlags(ctx.db)).map(toFlagDto) };
}

/** A flag with its change history (from the audit log, newest first). */
export async function getFlag(ctx: ServiceContext, actor: StaffActor, key: string): Promise<TFlagDetail> {
  authorizeFlagStaff(actor);
  const row = await repo.findFlag(ctx.db, key);
  if (!row) throw notFound("Flag");
  const history = (await repo.flagHistory(ctx.db, key)).map((e) => ({
    id: e.id,
    eventType: e.eventType,
    actorUsername: e.actorUsername,
    occurredAt: iso(e.occurredAt),
    before: (e.details as { before?: unknown }).before ?? null,
    after: (e.details as { after?: unknown }).after ?? null,
  }));
  return { ...toFlagDto(row), history };
}

/** Creates a flag (a duplicate key is a CONFLICT), audited, and tells every process. */
export async function createFlag(ctx: ServiceContext, actor: StaffActor, input: TCreateFlagInput, meta?: RequestMeta): Promise<TFlag> {
  authorizeFlagStaff(actor);
  assertTypes(input.type, input.targeting, input.environments);
  const flag = await inTransaction(ctx, async (tx) => {
    const row = await repo.insertFlag(tx, input);
    if (!row) throw new ServiceError("CONFLICT", `A flag named ${input.key} already exists`, { key: ["already exists"] });
    const dto = toFlagDto(row);
    await recordAudit(tx, { eventType: "flag.created", actor: { id: actor.userId, username: actor.username ?? null }, target: { type: "flag", id: row.key }, meta, details: { before: null, after: snapshot(dto) } });
    return dto;
  });
  await ctx.flags?.changed();
  return flag;
}

/**
 * Changes a flag's description, targeting or per-environment targeting. The row is locked
 * while before/after are recorded, so concurrent edits each audit what they really replaced.
 */
export async function updateFlag(ctx: ServiceContext, actor: StaffActor, input: TUpdateFlagInput, meta?: RequestMeta): Promise<TFlag> {
  authorizeFlagStaff(actor);
  const flag = await inTransaction(ctx, async (tx) => {
    const current = await repo.lockFlag(tx, input.key);
    if (!current) throw notFound("Flag");
    const before = toFlagDto(current);
    const targeting = input.targeting ?? before.targeting;
    const environments = input.environments ?? before.environments;
    assertTypes(before.type, targeting, environments);
    const row = await repo.updateFlag(tx, input.key, { description: input.description ?? before.description, targeting, environments });
    if (!row) throw notFound("Flag");
    const after = toFlagDto(row);
    await recordAudit(tx, { eventType: "flag.updated", actor: { id: actor.userId, username: actor.username ?? null }, target: { type: "flag", id: row.key }, meta, details: { before: snapshot(before), after: snapshot(after) } });
    return after;
  });
  await ctx.flags?.changed();
  return flag;
}

/** Deletes a flag; Atrium's own flags can only be turned off, since code asks for them by name. */
export async function deleteFlag(ctx: ServiceContext, actor: StaffActor, key: string, meta?: RequestMeta): Promise<TFlag> {
  authorizeFlagStaff(actor);
  if (BUILT_IN.has(key)) throw new ServiceError("CONFLICT", `${key} is checked by Atrium itself: turn it off (default false) instead of deleting it`);
  const flag = await inTransaction(ctx, async (tx) => {
    const row = await repo.deleteFlag(tx, key);
    if (!row) throw notFound("Flag");
    const dto = toFlagDto(row);
    await recordAudit(tx, { eventType: "flag.deleted", actor: { id: actor.userId, username: actor.username ?? null }, target: { type: "flag", id: key }, meta, details: { before: snapshot(dto), after: null } });
    return dto;
  });
  await ctx.flags?.changed();
  return flag;
}

/** Atrium's own flags, on, unless they exist already (bootstrap; idempotent). */
export async function seedBuiltInFlags(ctx: Pick<ServiceContext, "db">): Promise<void> {
  const descriptions: Record<string, string> = {
    [FLAGS.aiAnalysis]: "Analysis job types (document analysis, résumé match, worklog summary)",
    [FLAGS.documentProcessing]: "Text extraction of uploaded documents",
    [FLAGS.messaging]: "Conversations and messages between users of a tenant",
    [FLAGS.recruiting]: "The recruiting product: postings, applications, interviews",
  };
  for (const [key, description] of Object.entries(descriptions)) {
    await repo.insertFlag(ctx.db, { key, description, type: "boolean", targeting: { default: true, rules: [] }, environments: {} });
  }
}

/**
 * The caller's flags, evaluated in memory for the account they act on (their home account
 * unless they name another of theirs; anyone else's is NOT_FOUND).
 */
export async function myFlags(ctx: ServiceContext, actor: TenantActor, accountId?: string): Promise<TMyFlags> {
  const target = accountId ?? actor.homeAccountId;
  if (accountId && !actor.isStaff && !(accountId in actor.accountRoles)) throw notFound("Account");
  const flags = ctx.flags ? await ctx.flags.evaluateAll(subjectFor(actor, target)) : {};
  return { environment: ctx.config.ATRIUM_ENV, flags };
}
