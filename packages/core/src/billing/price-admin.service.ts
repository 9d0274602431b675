import { asc, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { recordAudit } from "../audit/audit.service.js";
import type { Actor, RequestMeta, ServiceContext } from "../shared/context.js";
import type { TPriceList, TUpdatePricesInput } from "./price-admin.schema.js";
import { authorizeStaff } from "../accounts/policy.service.js";

const { prices } = schema;

async function listRows(db: DbOrTx): Promise<TPriceList> {
  const rows = await db.select().from(prices).orderBy(asc(prices.item), asc(prices.unit));
  return { items: rows.map((r) => ({ item: r.item, unit: r.unit, unitPriceMillicents: r.unitPriceMillicents, unitPriceCents: r.unitPriceMillicents / 1000, updatedAt: r.updatedAt.toISOString() })) };
}

/** The whole price table (a few dozen rows at most, so not paged). */
export async function listPrices(ctx: ServiceContext, actor: Actor): Promise<TPriceList> {
  authorizeStaff(actor);
  return listRows(ctx.db);
}

/**
 * Staff set prices: every row in one transaction with one audit event naming
 * each change (before → after), so the table and its history never disagree.
 * New prices apply to estimates and runs priced from now on; past debits stay.
 */
export async function updatePrices(ctx: ServiceContext, actor: Actor, input: TUpdatePricesInput, meta?: RequestMeta): Promise<TPriceList> {
  authorizeStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const before = await listRows(tx);
    const changes = input.prices.map((p) => {
      const old = before.items.find((b) => b.item === p.item && b.unit === p.unit);
      return { item: p.item, unit: p.unit, fromMillicents: old?.unitPriceMillicents ?? null, toMillicents: p.unitPriceMillicents };
    });
    await tx
      .insert(prices)
      .values(input.prices.map((p) => ({ item: p.item, unit: p.unit, unitPriceMillicents: p.unitPriceMillicents })))
      .onConflictDoUpdate({ target: [prices.item, prices.unit], set: { unitPriceMillicents: sql`excluded.unit_price_millicents`, updatedAt: sql`now()` } });
    await recordAudit(tx, { eventType: "billing.prices_updated", actor: { id: actor.userId, username: actor.username }, target: { type: "prices", id: "prices" }, meta, details: { changes } });
    return listRows(tx);
  });
}
