// TanStack's infinite queries (any tRPC + TanStack client) send `direction` next to `cursor`. Every list
// takes "forward" and refuses "backward" by name, on both surfaces. Built from the router: a list added
// tomorrow is walked the day it lands.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allProcedures, buildInput, type Procedure } from "../routers/isolation/procedures.js";
import { startTestApi, type TestApi } from "../testing.js";
import { IDENTITY_TEST_ENV, tokenFor } from "../routers/identity.test-helpers.js";

let api: TestApi;
let admin: string;
beforeAll(async () => {
  api = await startTestApi(IDENTITY_TEST_ENV);
  admin = await tokenFor(api, "admin", "admin123");
});
afterAll(() => api.close());

type Reply = { status: number; direction: string[] | null };

/** A list's input as TanStack sends it: its own fields, the (first page's) cursor left out, and `direction`. */
const inputFor = (p: Procedure, direction: string) => ({ ...(buildInput(p, () => randomUUID()) ?? {}), direction });

async function viaTrpc(p: Procedure, input: Record<string, unknown>): Promise<Reply> {
  const res = await fetch(`${api.url}/trpc/${p.path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { authorization: `Bearer ${admin}` } });
  const json = (await res.json()) as { error?: { data?: { fieldErrors?: Record<string, string[]> | null } } };
  return { status: res.status, direction: json.error?.data?.fieldErrors?.direction ?? null };
}

async function viaRest(p: Procedure & { rest: { path: string } }, input: Record<string, unknown>): Promise<Reply> {
  const query = { ...input };
  const path = p.rest.path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = query[k];
    delete query[k];
    return encodeURIComponent(String(v));
  });
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  const res = await fetch(`${api.url}/api${path}?${qs}`, { headers: { authorization: `Bearer ${admin}` } });
  const json = (await res.json()) as { data?: { fieldErrors?: Record<string, string[]> | null } };
  return { status: res.status, direction: json.data?.fieldErrors?.direction ?? null };
}

// Lists are the queries that page by cursor.
const lists = allProcedures().filter((p) => p.type === "query" && "cursor" in p.shape);

describe("every list takes TanStack's paging direction", () => {
  it("finds the lists", () => {
    expect(lists.map((p) => p.path)).toEqual(expect.arrayContaining(["documents.list", "jobs.list", "audit.list", "teams.list", "billing.ledger"]));
  });

  it.each(["trpc", "rest"] as const)("over %s: forward is accepted, backward is a 400 naming direction", async (transport) => {
    const wrong: string[] = [];
    for (const p of lists) {
      if (transport === "rest" && !p.rest) continue;
      const call = (d: string) => (transport === "trpc" ? viaTrpc(p, inputFor(p, d)) : viaRest(p as Procedure & { rest: { path: string } }, inputFor(p, d)));
      const forward = await call("forward");
      // The walk's ids are random, so a 404 is this list answering; what matters is that direction isn't refused.
      if (forward.status === 400 || forward.direction) wrong.push(`${p.path} forward: ${JSON.stringify(forward)}`);
      const backward = await call("backward");
      if (backward.status !== 400 || !backward.direction?.[0]?.includes("forward only")) wrong.push(`${p.path} backward: ${JSON.stringify(backward)}`);
    }
    expect(wrong).toEqual([]);
  });
});
