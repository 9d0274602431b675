import { schema } from "@atrium/db";
import { authChanged } from "../auth/session-cache.service.js";
import { eq, and, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/audit.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import { generateToken } from "../shared/tokens.js";
import { toTenantAccountDto } from "./tenant-dto.service.js";
import * as repo from "./tenant.repository.js";
import type { TCreateAccountInput, TListAccountsInput, TTenantAccount, TUpdateAccountInput } from "./account.schema.js";
import { by } from "./owner-guard.service.js";
import { authorize, authorizeStaff, type PolicyActor } from "./policy.service.js";
import { scopeOf, ALL_TENANTS } from "./scope.repository.js";
import { slugify } from "../shared/slug.service.js";
import { inTransaction, isUniqueViolation } from "../shared/tx.js";

const { users } = schema;
const dto = (actor: PolicyActor, a: repo.AccountRow) => toTenantAccountDto(a, actor.accountRoles[a.id] ?? null);

/** Loads an account the actor may see and checks the action; other tenants' accounts are simply not found. */
async function load(ctx: ServiceContext, actor: PolicyActor, id: string, action: Parameters<typeof authorize>[1]): Promise<repo.AccountRow> {
  const row = await repo.findScopedAccount(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound("Account");
  authorize(actor, action, { accountId: row.id }, "Account");
  return row;
}

/** The caller's accounts; staff see every account, and deleted ones on request. */
export async function listAccounts(ctx: ServiceContext, actor: PolicyActor, input: TListAccountsInput) {
  if (input.includeDeleted) authorizeStaff(actor);
  const rows = await repo.listScopedAccounts(ctx.db, {
    scope: scopeOf(actor),
    userId: actor.userId,
    includeDeleted: input.includeDeleted ?? false,
    limit: input.limit,
    cursor: input.cursor,
  });
  return toPage(rows, input.limit, (r) => toTenantAccountDto(r, r.role));
}

/** Account slugs are global, so a taken one gets a random suffix rather than telling anyone it exists. */
const suffixed = (base: string) => `${base.slice(0, 50)}-${generateToken(5).slice(0, 6)}`;

/** Creates a tenant with the caller as its owner (and home account if they have none). */
export async function createAccount(ctx: ServiceContext, actor: PolicyActor, input: TCreateAccountInput, meta?: RequestMeta): Promise<TTenantAccount> {
  const base = slugify(input.name, "account");
  let slug = (await repo.accountSlugExists(ctx.db, base)) ? suffixed(base) : base;
  for (let attempt = 0; ; attempt++) {
    try {
      const created = await inTransaction(ctx, async (tx) => {
        const account = await repo.insertAccount(tx, { name: input.name, slug });
        await tx.insert(schema.accountMembers).values({ accountId: account.id, userId: actor.userId, role: "owner" });
        await tx.update(users).set({ accountId: account.id }).where(and(eq(users.id, actor.userId), isNull(users.accountId)));
        await recordAudit(tx, { eventType: "account.created", actor: by(actor), target: { type: "account", id: account.id }, accountId: account.id, meta, details: { name: account.name, slug } });
        return toTenantAccountDto(account, "owner");
      });
      // It may have become the caller's home account, which `me` shows.
      await authChanged(ctx, { userId: actor.userId });
      return created;
    } catch (err) {
      // Someone took the slug between the check and the insert.
      if (attempt >= 4 || !isUniqueViolation(err, "accounts_slug_key")) throw err;
      slug = suffixed(base);
    }
  }
}

export async function getAccount(ctx: ServiceContext, actor: PolicyActor, id: string): Promise<TTenantAccount> {
  return dto(actor, await load(ctx, actor, id, "account.read"));
}

/** Renames an account; admins and owners may. */
export async function updateAccount(ctx: ServiceContext, actor: PolicyActor, input: TUpdateAccountInput, meta?: RequestMeta): Promise<TTenantAccount> {
  const before = await load(ctx, actor, input.id, "account.update");
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updateAccount(tx, before.id, { name: input.name });
    await recordAudit(tx, { eventType: "account.updated", actor: by(actor), target: { type: "account", id: row.id }, accountId: row.id, meta, details: { name: { from: before.name, to: row.name } } });
    return dto(actor, row);
  });
}

/** Soft-deletes an account (owners only): it and everything in it vanish until restored or purged. */
export async function deleteAccount(ctx: ServiceContext, actor: PolicyActor, id: string, meta?: RequestMeta): Promise<TTenantAccount> {
  const before = await load(ctx, actor, id, "account.delete");
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updateAccount(tx, before.id, { deletedAt: ctx.now() });
    await recordAudit(tx, { eventType: "account.deleted", actor: by(actor), target: { type: "account", id: row.id }, accountId: row.id, meta, details: { name: row.name } });
    return dto(actor, row);
  });
}

/** Brings a soft-deleted account back; only staff can, since its members no longer see it. */
export async function restoreAccount(ctx: ServiceContext, actor: PolicyActor, id: string, meta?: RequestMeta): Promise<TTenantAccount> {
  authorizeStaff(actor);
  const before = await repo.findScopedAccount(ctx.db, ALL_TENANTS, id, { includeDeleted: true });
  if (!before) throw notFound("Account");
  if (!before.deletedAt) throw new ServiceError("CONFLICT", "This account is not deleted");
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updateAccount(tx, before.id, { deletedAt: null });
    await recordAudit(tx, { eventType: "account.restored", actor: by(actor), target: { type: "account", id: row.id }, accountId: row.id, meta, details: { name: row.name } });
    return dto(actor, row);
  });
}
