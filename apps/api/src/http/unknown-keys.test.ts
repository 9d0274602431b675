// Walks every procedure on both surfaces with one key no contract declares: each answers 400 naming it; and every list with TanStack's paging direction.
// Built from the router itself, so a procedure added tomorrow is walked the day it lands.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allProcedures, buildInput, type Procedure } from "../routers/isolation/procedures.js";
import { startTestApi, type TestApi } from "../testing.js";
import { NO_INPUT } from "../trpc/errors.js";
import { IDENTITY_TEST_ENV, tokenFor } from "../routers/identity.test-helpers.js";

const PROBE = "unknownProbe";
let api: TestApi;
let admin: string;
beforeAll(async () => {
  api = await startTestApi(IDENTITY_TEST_ENV);
  admin = await tokenFor(api, "admin", "admin123");
});
afterAll(() => api.close());

type Reply = { status: number; fieldErrors: Record<string, string[]> | null };

async function viaRest(p: Procedure & { rest: { method: string; path: string } }, input: Record<string, unknown>): Promise<Reply> {
  const rest = { ...input };
  const path = p.rest.path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = rest[k];
    delete rest[k];
    return encodeURIComponent(String(v));
  });
  const body = !["GET", "DELETE"].includes(p.rest.method);
  const qs = body ? "" : `?${new URLSearchParams(Object.entries(rest).map(([k, v]): [string, string] => [k, typeof v === "object" ? JSON.stringify(v) : String(v)]))}`;
  const res = await fetch(`${api.url}/api${path}${qs}`, {
    method: p.rest.method,
    headers: { authorization: `Bearer ${admin}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(rest) : undefined,
  });
  const json = (await res.json()) as { data?: { fieldErrors?: Record<string, string[]> | null } };
  return { status: res.status, fieldErrors: json.data?.fieldErrors ?? null };
}

async function viaTrpc(p: Procedure, input: Record<string, unknown>): Promise<Reply> {
  const url = `${api.url}/trpc/${p.path}`;
  const headers = { authorization: `Bearer ${admin}`, "content-type": "application/json" };
  const res =
    p.type === "query"
      ? await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(url, { method: "POST", headers, body: JSON.stringify(input) });
  const json = (await res.json()) as { error?: { data?: { fieldErrors?: Record<string, string[]> | null } } };
  return { status: res.status, fieldErrors: json.error?.data?.fieldErrors ?? null };
}

const procedures = allProcedures().filter((p) => p.type !== "subscription");
const inputFor = (p: Procedure) => ({ ...(buildInput(p, () => randomUUID()) ?? {}), [PROBE]: "x" });
const naming = (r: Reply) => ({ status: r.status, probe: r.fieldErrors?.[PROBE] ?? null });

describe("an unknown key is a 400 naming it, on every procedure", () => {
  it("over tRPC", async () => {
    const wrong: string[] = [];
    for (const p of procedures) {
      const r = naming(await viaTrpc(p, inputFor(p)));
      if (r.status !== 400 || !r.probe) wrong.push(`${p.path}: ${JSON.stringify(r)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("over REST", async () => {
    const wrong: string[] = [];
    for (const p of procedures) {
      if (!p.rest) continue;
      const r = naming(await viaRest(p as Procedure & { rest: { method: string; path: string } }, inputFor(p)));
      if (r.status !== 400 || !r.probe) wrong.push(`${p.rest.method} ${p.rest.path}: ${JSON.stringify(r)}`);
    }
    expect(wrong).toEqual([]);
  });
});

// TanStack's infinite queries (any tRPC + TanStack client) send `direction` next to `cursor`: every list
// takes "forward" and refuses "backward" by name, on both surfaces.
describe("every list takes TanStack's paging direction", () => {
  const lists = procedures.filter((p) => p.type === "query" && "cursor" in p.shape);
  const withDirection = (p: Procedure, direction: string) => ({ ...(buildInput(p, () => randomUUID()) ?? {}), direction });

  it("finds the lists", () => {
    expect(lists.map((p) => p.path)).toEqual(expect.arrayContaining(["documents.list", "jobs.list", "audit.list", "teams.list", "billing.ledger"]));
  });

  it.each(["trpc", "rest"] as const)("over %s: forward is accepted, backward is a 400 naming direction", async (transport) => {
    const wrong: string[] = [];
    for (const p of lists) {
      if (transport === "rest" && !p.rest) continue;
      const call = (d: string) => (transport === "trpc" ? viaTrpc(p, withDirection(p, d)) : viaRest(p as Procedure & { rest: { method: string; path: string } }, withDirection(p, d)));
      const forward = await call("forward");
      // The walk's ids are random, so a 404 is this list answering; what matters is that direction isn't refused.
      if (forward.status === 400 || forward.fieldErrors?.direction) wrong.push(`${p.path} forward: ${JSON.stringify(forward)}`);
      const backward = await call("backward");
      if (backward.status !== 400 || !backward.fieldErrors?.direction?.[0]?.includes("forward only")) wrong.push(`${p.path} backward: ${JSON.stringify(backward)}`);
    }
    expect(wrong).toEqual([]);
  });
});

// Postgres can't store U+0000: before the guard, a NUL in a login name, a posting's title or a board search
// failed its query (500). Every procedure now refuses it by field, before any contract or query sees it.
describe("a NUL character is a 400 naming its field, on every procedure", () => {
  const NUL_PROBE = "nulProbe";
  // Nested where the body is JSON; a GET's query string carries text only, so there the probe is the field itself.
  const nested = { value: ["ok", { deep: "a\u0000b" }], field: `${NUL_PROBE}.1.deep` };
  const flat = { value: "a\u0000b", field: NUL_PROBE };
  const withNul = (p: Procedure, probe: { value: unknown }) => ({ ...(buildInput(p, () => randomUUID()) ?? {}), [NUL_PROBE]: probe.value });

  it.each(["trpc", "rest"] as const)("over %s", async (transport) => {
    const wrong: string[] = [];
    for (const p of procedures) {
      if (transport === "rest" && !p.rest) continue;
      const probe = transport === "rest" && ["GET", "DELETE"].includes(p.rest?.method ?? "") ? flat : nested;
      const r = transport === "trpc" ? await viaTrpc(p, withNul(p, probe)) : await viaRest(p as Procedure & { rest: { method: string; path: string } }, withNul(p, probe));
      // A procedure that takes no input refuses any key by name before anything reads it; that is a 400 too.
      const refusedAsNul = !!r.fieldErrors?.[probe.field]?.[0]?.includes("NUL");
      if (r.status !== 400 || !(refusedAsNul || r.fieldErrors?.[NUL_PROBE]?.[0] === NO_INPUT)) wrong.push(`${p.path}: ${JSON.stringify(r)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("a sign-in, a posting and a board search with a NUL in them are 400s, not failed queries", async () => {
    const login = await fetch(`${api.url}/api/auth/token/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin\u0000", password: "x" }) });
    expect(login.status).toBe(400);
    const posting = await fetch(`${api.url}/api/recruiting/postings/`, { method: "POST", headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" }, body: JSON.stringify({ title: "Nurse\u0000", description: "Care for patients on a ward." }) });
    expect(posting.status).toBe(400);
    expect(((await posting.json()) as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors.title?.[0]).toContain("NUL");
    const search = await fetch(`${api.url}/api/public/postings/?q=%00`);
    expect(search.status).toBe(400);
  });
});
