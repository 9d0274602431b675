import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "../testing.js";
import { leakedMarkers } from "./isolation/markers.js";
import { callPath, describe as show, pool } from "./isolation/outcome.js";
import { allProcedures, buildInput, flagsOn, type Procedure } from "./isolation/procedures.js";
import { buildWorld, type World } from "./isolation/world.js";

/**
 * Every read a tenant user can make (every query that isn't staff-only) is
 * called by every caller of tenant A, once naming A's ids everywhere, once
 * with only the required ones (the "everything I can see" lists) and once more
 * with every optional flag on (includeDeleted...), and the
 * answer must hold no row of tenant B (nor, for A-only users, of tenant C, the
 * second home of A's two-tenant user): no id, email, username or name of theirs.
 */

// Reads the owner may fail on, with the reason. Keep this short.
const OWNER_MAY_FAIL: Record<string, string> = {
  "job.estimate": "not a list: its input depends on the job type (its ids are walked in isolation.test.ts)",
};

const reads = allProcedures().filter((p) => p.type === "query" && p.access === "protected");

let world: World;
beforeAll(async () => {
  world = await buildWorld(await startTestApi({ RATE_LIMIT_ENABLED: "false" }));
}, 60_000);
afterAll(async () => {
  await world?.api.close();
});

const inputsOf = (p: Procedure) => {
  const all = buildInput(p, (kind) => world.ownIds[kind]);
  if (!all) return [undefined];
  const requiredOnly = Object.fromEntries(Object.entries(all).filter(([k]) => !p.shape[k] || !p.shape[k].safeParse(undefined).success));
  const widest = { ...requiredOnly, ...flagsOn(p) };
  return Object.keys(widest).length > Object.keys(requiredOnly).length ? [all, requiredOnly, widest] : [all, requiredOnly];
};

describe("tenant isolation of every read", () => {
  it("shows no caller of tenant A any row of another tenant", async () => {
    const answered: string[] = [];
    const tasks = world.callers.flatMap((c) =>
      reads.flatMap((p) =>
        inputsOf(p).map((input, i) => async () => {
          const o = await callPath(c.call, p.path, input);
          const widest = i === 2;
          if (o.code !== "success") return c.name === "owner" && !widest && !(p.path in OWNER_MAY_FAIL) ? `[owner] can't read its own: ${show(p.path, input, o)}` : null;
          answered.push(JSON.stringify(o.data));
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
    expect(reads.filter((p) => Object.keys(flagsOn(p)).length > 0).map((p) => p.path)).toContain("account.list");
    expect(reads.map((p) => p.path)).toEqual(expect.arrayContaining(["account.list", "organization.list", "team.list", "user.list", "invitation.list", "document.list", "job.list", "billing.ledger", "audit.list", "myMemberships", "me"]));
  });
});
