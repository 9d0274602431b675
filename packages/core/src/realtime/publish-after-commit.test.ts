import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@atrium/db";
import { testInfraUrls, testRedisPrefix } from "@atrium/db/testing";
import { newAccount, startBillingTestEnv, type BillingTestEnv } from "../billing/billing.test-helpers.js";
import { creditReserve } from "../billing/ledger.service.js";
import type { ServiceContext } from "../shared/context.js";
import { inTransaction } from "../shared/tx.js";
import { createRedisRealtimePublisher, realtimeKey } from "./realtime-redis.service.js";
import { accountTopic, type RealtimeTopic, type TRealtimeEvent } from "./realtime.schema.js";

// The rule every publisher follows: an event leaves only once its change committed. Read
// back from the topic's real Redis stream (the backlog every subscriber replays).
let env: BillingTestEnv;
let redis: Redis;
let ctx: ServiceContext;
const prefix = testRedisPrefix();

beforeAll(async () => {
  env = await startBillingTestEnv();
  redis = new Redis(testInfraUrls().redisUrl);
  ctx = { ...env.ctx, realtime: createRedisRealtimePublisher(redis, prefix) };
});
afterAll(async () => {
  const keys = await redis?.keys(`${prefix}:*`);
  if (keys?.length) await redis.del(...keys);
  redis?.disconnect();
  await env?.close();
});

async function published(topic: RealtimeTopic): Promise<TRealtimeEvent[]> {
  const entries = await redis.xrange(realtimeKey(prefix, topic), "-", "+");
  return entries.map(([, fields]) => (JSON.parse(fields[1] ?? "{}") as { event: TRealtimeEvent }).event);
}

const credit = (c: ServiceContext, accountId: string, key: string) =>
  creditReserve(c.db, { accountId, amountCents: 500, idempotencyKey: `${key}:${accountId}`, reason: "test" }, c);

describe("realtime events leave after the commit", () => {
  it("a credit on a plain connection announces balance.changed on the account's topic at once; a replay doesn't", async () => {
    const { accountId } = await newAccount(ctx);
    await credit(ctx, accountId, "plain");
    await credit(ctx, accountId, "plain");
    expect(await published(accountTopic(accountId))).toEqual([{ type: "balance.changed", accountId }]);
  });

  it("inside inTransaction the event is held until the commit, and a rollback drops it with the change", async () => {
    const { accountId } = await newAccount(ctx);
    const topic = accountTopic(accountId);
    await expect(
      inTransaction(ctx, async (_tx, txCtx) => {
        await credit(txCtx, accountId, "rolled-back");
        throw new Error("the rest of the change failed");
      }),
    ).rejects.toThrow("the rest of the change failed");
    expect(await published(topic)).toEqual([]);

    let seenBeforeCommit: TRealtimeEvent[] | undefined;
    await inTransaction(ctx, async (_tx, txCtx) => {
      await credit(txCtx, accountId, "committed");
      seenBeforeCommit = await published(topic);
    });
    expect(seenBeforeCommit).toEqual([]);
    expect(await published(topic)).toEqual([{ type: "balance.changed", accountId }]);
  });

  it("a savepoint rolled back inside a committed transaction publishes nothing of its own", async () => {
    const { accountId: kept } = await newAccount(ctx);
    const { accountId: undone } = await newAccount(ctx);
    await inTransaction(ctx, async (_tx, txCtx) => {
      await credit(txCtx, kept, "outer");
      await inTransaction(txCtx, async (_inner, innerCtx) => {
        await credit(innerCtx, undone, "inner");
        throw new Error("savepoint rolled back");
      }).catch(() => undefined);
    });
    expect(await published(accountTopic(kept))).toEqual([{ type: "balance.changed", accountId: kept }]);
    expect(await published(accountTopic(undone))).toEqual([]);
  });

  it("in a transaction the ledger didn't open and can't watch, it leaves the announcement to that transaction's owner", async () => {
    const { accountId } = await newAccount(ctx);
    await (ctx.db as Db).transaction(async (tx) => {
      await creditReserve(tx, { accountId, amountCents: 500, idempotencyKey: `raw:${accountId}`, reason: "test" }, ctx);
    });
    expect(await published(accountTopic(accountId))).toEqual([]);
  });
});
