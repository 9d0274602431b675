import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBillingTestEnv, type BillingTestEnv } from "../billing/billing.test-helpers.js";
import { poolOf, transactionInTrips } from "./job-trips.js";

// The few-round-trip transaction under the worker's starts and the api's admissions, on real Postgres:
// all or nothing, and the pooled connection comes back clean whatever went wrong.
let env: BillingTestEnv;
beforeAll(async () => {
  env = await startBillingTestEnv();
  await env.ctx.db.execute(sql`create table trip_notes (note text not null)`);
});
afterAll(async () => {
  await env?.close();
});

const pool = () => {
  const p = poolOf(env.ctx.db);
  if (!p) throw new Error("the test database has no pool");
  return p;
};
const notes = async () => (await env.ctx.db.execute<{ note: string }>(sql`select note from trip_notes order by note`)).rows.map((r) => r.note);

describe("transactionInTrips", () => {
  it("commits every trip's writes together, values (quotes, backslashes) kept as values", async () => {
    const odd = `it's \\ a 'note'; drop table trip_notes; --`;
    const out = await transactionInTrips(pool(), async (send) => {
      const [, [row] = []] = await send([sql`insert into trip_notes values (${"first"})`, sql`select count(*)::int as n from trip_notes`]);
      return { last: [sql`insert into trip_notes values (${odd}) returning note`], result: ([written = []]) => ({ seen: row?.n, written: written[0]?.note }) };
    });
    expect(out).toEqual({ seen: 1, written: odd });
    expect(await notes()).toEqual(["first", odd].sort());
    await env.ctx.db.execute(sql`delete from trip_notes`);
  });

  it("keeps nothing when the last trip's statement fails, nor when the work itself throws between trips", async () => {
    const failing = transactionInTrips(pool(), async (send) => {
      await send([sql`insert into trip_notes values (${"kept?"})`]);
      return { last: [sql`select 1 / 0`], result: () => "committed" };
    });
    await expect(failing).rejects.toThrow(/division by zero/);
    const thrown = transactionInTrips(pool(), async (send) => {
      await send([sql`insert into trip_notes values (${"kept?"})`]);
      throw new Error("changed its mind");
    });
    await expect(thrown).rejects.toThrow("changed its mind");
    expect(await notes()).toEqual([]);
    // Every connection of the pool still works outside a transaction (none was returned mid-transaction).
    const states = await Promise.all(Array.from({ length: 12 }, () => env.ctx.db.execute<{ s: string }>(sql`select (now() = statement_timestamp())::text as s`)));
    expect(states.every((r) => r.rows[0]?.s === "true")).toBe(true);
  });
});
