import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { startTestApi } from "../testing.js";
import { leakedMarkers } from "./isolation/markers.js";
import { callPath, describe as show, pool } from "./isolation/outcome.js";
import type { z } from "zod";
import { allProcedures, buildInput, flagsOn, isRequired, kindOf, searchesFor, type Procedure } from "./isolation/procedures.js";
import { buildWorld, type World } from "./isolation/world.js";

/**
 * Every read a tenant user can make (every query that isn't staff-only) is
 * called by every caller of tenant A, naming A's ids everywhere, with only the
 * required ones (the "everything I can see" lists), with every optional flag on,
 * with optional filters naming tenant B and searching for its name, and the
 * answer must hold no row of tenant B (nor, for A-only users, of tenant C, the
 * second home of A's two-tenant user): no id, email, username or name of theirs.
 */

// Reads the owner may fail on, with the reason. Keep this short.
const OWNER_MAY_FAIL: Record<string, string> = {
  "jobs.estimate": "not a list: its input depends on the job type (its ids are walked in isolation.test.ts)",
  "recruiting.applications.getMine": "the candidate's own view: tenant A's owner is the employer, not the candidate (theirs is recruiting.applications.get)",
  "recruiting.interviews.candidate": "the candidate's own list, narrowed by applicationId to one of their own applications: tenant A's owner is its employer (theirs is recruiting.interviews.list)",
};

const reads = allProcedures().filter((p) => p.type === "query" && p.access === "protected");

let world: World;
beforeAll(async () => {
  world = await buildWorld(await startTestApi({ RATE_LIMIT_ENABLED: "false" }));
}, 60_000);
afterAll(async () => {
  await world?.api.close();
});

/**
 * The inputs a read is tried with. The first two must work for the owner; the
 * others may be refused, but whatever they return is searched all the same.
 */
type Variant = { input: Record<string, unknown> | undefined; ownerMustRead: boolean };
const inputsOf = (p: Procedure): Variant[] => {
  const all = buildInput(p, (kind) => world.ownIds[kind]);
  if (!all) return [{ input: undefined, ownerMustRead: true }];
  const required = Object.fromEntries(Object.entries(all).filter(([k]) => isRequired(p.shape[k] as z.ZodType)));
  const optional = (value: (key: string) => unknown) => Object.fromEntries(Object.keys(all).filter((k) => !(k in required)).map((k) => [k, value(k)]));
  const bIds = optional((k) => world.b.ids[kindOf(p.path, k) as keyof World["b"]["ids"]]);
  const variants = [
    all,
    required,
    // Every optional flag on (includeDeleted and the like): the widest read.
    { ...required, ...flagsOn(p) },
    // Filters naming tenant B (audit.list's userId, say) and searches for its name.
    { ...required, ...bIds },
    { ...required, ...searchesFor(p, world.b.name) },
  ];
  // Where a read has no such options, the later variants repeat an earlier one: ask once.
  const first = (v: object) => variants.findIndex((w) => JSON.stringify(w) === JSON.stringify(v));
  return variants.flatMap((input, i) => (first(input) === i ? [{ input, ownerMustRead: i < 2 }] : []));
};

describe("tenant isolation of every read", () => {
  it("shows no caller of tenant A any row of another tenant", async () => {
    const answered: string[] = [];
    const candidateSaw: string[] = [];
    const tasks = world.callers.flatMap((c) =>
      reads.flatMap((p) =>
        inputsOf(p).map(({ input, ownerMustRead }) => async () => {
          const o = await callPath(c.call, p.path, input);
          if (o.code !== "success") return c.name === "owner" && ownerMustRead && !(p.path in OWNER_MAY_FAIL) ? `[owner] can't read its own: ${show(p.path, input, o)}` : null;
          answered.push(JSON.stringify(o.data));
          if (c.name === "candidate") candidateSaw.push(JSON.stringify(o.data));
          const leaked = leakedMarkers(o.data, c.foreign);
          return leaked.length ? `[${c.name}] ${p.path}(${JSON.stringify(input)}) shows ${leaked.join(", ")}` : null;
        }),
      ),
    );
    const problems = (await pool(tasks)).filter((x): x is string => x !== null);
    expect(problems).toEqual([]);
    // The answers were real lists of tenant A's things, not empty pages.
    const { account, organization, team, document, job, apiKey, invitation } = world.a.ids;
    expect(leakedMarkers(answered.join("\n"), [account, organization, team, document, job, apiKey, invitation, "alpha-viewer@example.test"])).toHaveLength(7 + 1);
    expect(reads.filter((p) => Object.keys(flagsOn(p)).length > 0).map((p) => p.path)).toContain("accounts.list");
    expect(reads.filter((p) => "q" in searchesFor(p, "x")).map((p) => p.path)).toContain("users.list");
    expect(reads.map((p) => p.path)).toEqual(expect.arrayContaining(["accounts.list", "organizations.list", "teams.list", "users.list", "invitations.list", "documents.list", "jobs.list", "billing.ledger", "audit.list", "accounts.memberships", "auth.me"]));
    // The candidate's reads were real too: their application and interview at tenant A.
    expect(leakedMarkers(candidateSaw.join("\n"), [world.a.ids.application, world.a.ids.interview])).toHaveLength(2);
  }, 180_000);

  it("never gives a non-staff caller a failed job's internal cause, from any read; staff get it", async () => {
    const cause = "isolation-internal-cause-7f3a";
    await world.api.svc.db.update(schema.jobs).set({ status: "failed", error: "Something went wrong on our side", errorCause: cause }).where(eq(schema.jobs.id, world.a.ids.job));
    const tasks = world.callers.flatMap((c) =>
      reads.flatMap((p) =>
        inputsOf(p).map(({ input }) => async () => {
          const o = await callPath(c.call, p.path, input);
          return o.code === "success" && JSON.stringify(o.data).includes(cause) ? `[${c.name}] ${p.path}(${JSON.stringify(input)}) shows the cause` : null;
        }),
      ),
    );
    expect((await pool(tasks)).filter((x): x is string => x !== null)).toEqual([]);
    await expect(world.staff.call.jobs.get({ id: world.a.ids.job })).resolves.toMatchObject({ errorCause: cause });
  });
});
