import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "../testing.js";
import { invitationTokenSentTo } from "./tenancy.test-helpers.js";
import { pool } from "./isolation/outcome.js";
import { allProcedures } from "./isolation/procedures.js";
import { TOKEN_CASES, takesEmailOrToken, type TokenProbe } from "./isolation/token-cases.js";
import { buildWorld, type World } from "./isolation/world.js";

/**
 * Procedures that take an email or a token (invitations, resets, signup),
 * found by their input fields: each must have a case in TOKEN_CASES, run for
 * every caller of tenant A. Its own file: the holes it looks for change who
 * belongs where, which would spoil the other isolation files' worlds.
 */

/**
 * Holes another engineer is fixing right now. Their cases must still fail here
 * (so the entry can't outlive the fix): once they pass, delete the entry.
 */
const KNOWN_HOLES: Record<string, string> = {};

let world: World;
beforeAll(async () => {
  world = await buildWorld(await startTestApi({ RATE_LIMIT_ENABLED: "false" }));
}, 60_000);
afterAll(async () => {
  await world?.api.close();
});

const newBInvitation = async (email = `bravo-invitee-${randomUUID().slice(0, 8)}@example.test`) => {
  await world.b.owner.call.invitations.create({ id: world.b.ids.organization, email, role: "member" });
  return invitationTokenSentTo(world.api, email);
};

describe("tenant isolation of emails and tokens", () => {
  const taking = allProcedures()
    .filter((p) => Object.keys(p.shape).some(takesEmailOrToken))
    .map((p) => p.path);

  it("has a case for every procedure that takes an email or a token", () => {
    expect(taking.filter((path) => !(path in TOKEN_CASES))).toEqual([]);
    expect(Object.keys(TOKEN_CASES).filter((path) => !taking.includes(path))).toEqual([]);
  });

  it.each(Object.keys(TOKEN_CASES))("%s gives no caller of tenant A a way into tenant B", async (path) => {
    const c = TOKEN_CASES[path];
    const probe = (caller: TokenProbe["caller"]) => async () => c?.probe({ world, caller, newBInvitation }).then((problem) => problem && `[${caller.name}] ${problem}`);
    const problems = (await pool(world.callers.map(probe), 4)).filter((x): x is string => !!x);
    if (path in KNOWN_HOLES) {
      console.warn(`KNOWN HOLE ${path} (${KNOWN_HOLES[path]}):\n  ${problems.join("\n  ")}`);
      expect(problems.length, `${path} is fixed: delete its KNOWN_HOLES entry`).toBeGreaterThan(0);
    } else expect(problems).toEqual([]);
  });
});
