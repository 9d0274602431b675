import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "../testing.js";
import { callPath, describe as show, pool, sameAnswer } from "./isolation/outcome.js";
import { allProcedures, buildInput, requiredIds, takesIds, type Kind, type Procedure } from "./isolation/procedures.js";
import { snapshotTenant } from "./isolation/snapshot.js";
import { buildWorld, type CallerSpec, type World } from "./isolation/world.js";

/**
 * Tenant isolation, from the router itself: every procedure is called by every
 * kind of caller of tenant A (viewer to owner, a user of two tenants, disabled
 * and soft-deleted users) with tenant B's ids, with real ids of staff-only
 * things, and with dead credentials. New procedures are covered the day they
 * are added; a new kind of id fails the test until it is taught here.
 * Reads: isolation-lists.test.ts; express routes and REST: isolation-routes.test.ts;
 * emails and tokens: isolation-tokens.test.ts. Helpers: ./isolation/.
 */

// Procedures deliberately not checked, each with the reason. Keep this short.
const ALLOW_LIST: Record<string, string> = {};

const procedures = allProcedures().filter((p) => !(p.path in ALLOW_LIST));
const tenantScoped = procedures.filter((p) => p.access === "protected" && takesIds(p));
const staffOnly = procedures.filter((p) => p.access === "staff");
const random = () => randomUUID();

let world: World;
let bBefore: string[];
beforeAll(async () => {
  world = await buildWorld(await startTestApi({ RATE_LIMIT_ENABLED: "false" }));
  bBefore = await snapshotTenant(world.api, world.b.ids.account);
}, 60_000);
afterAll(async () => {
  await world?.api.close();
});

/** One task per caller × procedure, run a few at a time; each returns a problem or null. */
async function walk(callers: CallerSpec[], procs: Procedure[], probe: (c: CallerSpec, p: Procedure) => Promise<string | null>): Promise<string[]> {
  const tasks = callers.flatMap((c) => procs.map((p) => () => probe(c, p).then((problem) => problem && `[${c.name}] ${problem}`)));
  return (await pool(tasks)).filter((x): x is string => x !== null);
}

describe("tenant isolation", () => {
  it("knows the kind of every id any procedure takes (no random ids for unknown kinds)", () => {
    const unknown: string[] = [];
    for (const p of procedures) buildInput(p, random, unknown);
    expect(unknown).toEqual([]);
  });

  it("answers another tenant's ids exactly as it answers ids that don't exist, for every caller", async () => {
    // Live rows, then the soft-deleted team in place of the live one.
    const variants = [world.b.ids, { ...world.b.ids, team: world.b.deletedTeam }];
    const problems = await walk(world.callers, tenantScoped, async (c, p) => {
      const kinds = new Set<Kind>();
      buildInput(p, (kind) => (kinds.add(kind), random()));
      for (const ids of kinds.has("team") ? variants : variants.slice(0, 1)) {
        const foreign = buildInput(p, (kind) => ids[kind as keyof typeof ids] ?? random());
        const [theirs, none] = await Promise.all([callPath(c.call, p.path, foreign), callPath(c.call, p.path, buildInput(p, random))]);
        if (theirs.code === "success" || !sameAnswer(theirs, none)) return `${show(p.path, foreign, theirs)}; unknown ids answer ${none.code}: ${none.message}`;
      }
      return null;
    });
    expect(problems).toEqual([]);
    expect(tenantScoped.map((p) => p.path)).toEqual(expect.arrayContaining(["accounts.get", "organizations.addMember", "teams.removeMember", "invitations.revoke", "users.update", "billing.balance", "billing.ledger", "billing.updateProfile", "documents.get", "documents.delete", "documents.download", "jobs.estimate"]));
    // Every recruiting procedure that names a row is walked, the candidate's side too (the "candidate" caller).
    const recruiting = procedures.filter((p) => p.path.startsWith("recruiting.") && p.access === "protected" && takesIds(p)).map((p) => p.path);
    expect(tenantScoped.map((p) => p.path)).toEqual(expect.arrayContaining(recruiting));
    expect(recruiting).toEqual(expect.arrayContaining(["recruiting.applications.getMine", "recruiting.applications.withdraw", "recruiting.interviews.confirm", "recruiting.conversation.send", "recruiting.reports.funnel", "recruiting.interviews.attachRecording", "recruiting.assistant.ask"]));
    expect(world.callers.map((c) => c.name)).toContain("candidate");
    // Eight callers × every procedure × two calls: minutes on a loaded machine, not the default 30 s.
  }, 180_000);

  it("refuses mixed ids too: tenant A's container with another tenant's id inside (even one the caller may use there)", async () => {
    // job.create names its document inside `input`, next to an optional accountId.
    const slotsOf = (p: Procedure) => (p.path === "jobs.create" ? ["documentId"] : requiredIds(p));
    const mixed = tenantScoped.filter((p) => p.path === "jobs.create" || requiredIds(p).length >= 2);
    const own = (kind: Kind) => world.ownIds[kind];
    const problems = await walk(world.callers, mixed, async (c, p) => {
      for (const slot of slotsOf(p)) {
        const input = (other: (kind: Kind) => string) => buildInput(p, (kind, key) => (key === slot ? other(kind) : own(kind)));
        const theirs = input((kind) => world.b.ids[kind as keyof World["b"]["ids"]] ?? random());
        const [answer, missing] = await Promise.all([callPath(c.call, p.path, theirs), callPath(c.call, p.path, input(random))]);
        if (answer.code === "success" || !sameAnswer(answer, missing)) return `${show(p.path, theirs, answer)}; unknown id answers ${missing.code}: ${missing.message}`;
        // The caller's other tenant is theirs to see, so its ids may be found; they must still not mix into A's things.
        const { alsoIn } = c;
        if (!alsoIn) continue;
        const mine = input((kind) => alsoIn[kind as keyof typeof alsoIn] ?? random());
        const mixedAnswer = await callPath(c.call, p.path, mine);
        if (mixedAnswer.code === "success") return `${show(p.path, mine, mixedAnswer)} (mixed tenant A and the caller's other tenant)`;
      }
      return null;
    });
    expect(problems).toEqual([]);
    expect(mixed.length).toBeGreaterThan(5);
  });

  it("answers FORBIDDEN to every non-staff caller of a staff-only procedure, even with real ids", async () => {
    const problems = await walk(world.callers, staffOnly, async (c, p) => {
      const input = buildInput(p, (kind) => world.ownIds[kind]);
      const o = await callPath(c.call, p.path, input);
      return o.code === "FORBIDDEN" ? null : show(p.path, input, o);
    });
    expect(problems).toEqual([]);
    expect(staffOnly.map((p) => p.path)).toEqual(expect.arrayContaining(["users.admin.update", "inviteKeys.revoke", "email.outbox.get", "billing.admin.adjust", "system.jobs.retry", "accounts.restore", "users.restore", "system.health.get"]));
  });

  it("lets staff through those same staff-only reads (so the ids above were real)", async () => {
    const staff = { name: "staff", token: world.staff.token, call: world.staff.call, user: world.staff.user, foreign: [], verified: true };
    const problems = await walk([staff], staffOnly.filter((p) => p.type === "query"), async (c, p) => {
      const input = buildInput(p, (kind) => world.ownIds[kind]);
      const o = await callPath(c.call, p.path, input);
      return ["FORBIDDEN", "UNAUTHORIZED", "NOT_FOUND", "INTERNAL_SERVER_ERROR"].includes(o.code) ? show(p.path, input, o) : null;
    });
    expect(problems).toEqual([]);
  });

  it("answers UNAUTHORIZED to disabled and soft-deleted users, by session and by API key, everywhere", async () => {
    const problems = await walk(world.inactive, procedures.filter((p) => p.access !== "public"), async (c, p) => {
      const input = buildInput(p, (kind) => world.ownIds[kind]);
      const o = await callPath(c.call, p.path, input);
      return o.code === "UNAUTHORIZED" ? null : show(p.path, input, o);
    });
    expect(problems).toEqual([]);
    expect(world.inactive).toHaveLength(4);
  });

  // Last: after every walk above. A refusal that still wrote something (an audit row, a half-done change) shows here.
  it("left tenant B exactly as it was: not one row of theirs written by all the calls above", async () => {
    const after = await snapshotTenant(world.api, world.b.ids.account);
    expect(after.filter((r) => !bBefore.includes(r))).toEqual([]);
    expect(bBefore.filter((r) => !after.includes(r))).toEqual([]);
    expect(bBefore.length).toBeGreaterThan(10);
  });

  it("still lets tenant A reach its own things (the ids above were real)", async () => {
    const owner = world.callers.find((c) => c.name === "owner")?.call;
    const { team, user, document } = world.a.ids;
    await expect(owner?.teams.get({ id: team })).resolves.toMatchObject({ id: team });
    await expect(owner?.users.get({ id: user })).resolves.toMatchObject({ id: user });
    await expect(owner?.documents.get({ id: document })).resolves.toMatchObject({ id: document });
    expect(Object.keys(world.ownIds).sort()).toEqual((["account", "organization", "team", "user", "invitation", "apiKey", "document", "job", "inviteKey", "outbox", "conversation", "message", "notification", "posting", "application", "interview"] satisfies Kind[]).sort());
  });
});
