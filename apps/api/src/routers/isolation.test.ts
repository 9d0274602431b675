import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { appRouter } from "../trpc/root.js";
import { startTestApi, type TestApi } from "../testing.js";
import { upload } from "./document.test-helpers.js";
import { newTenant, type Caller } from "./tenancy.test-helpers.js";

/**
 * Tenant isolation, from the router itself: every procedure whose input names
 * an id is called as tenant A's owner with tenant B's ids and must answer
 * NOT_FOUND or FORBIDDEN. New procedures are covered the day they are added.
 */

// Procedures deliberately not checked, each with the reason. Keep this short.
const ALLOW_LIST: Record<string, string> = {};

/** Which kind of id `id` means, by router; other id fields say it in their name. */
const ID_KIND_BY_ROUTER: Record<string, Kind> = {
  account: "account",
  organization: "organization",
  invitation: "organization",
  team: "team",
  user: "user",
  adminUsers: "user",
  apiKeys: "apiKey",
  document: "document",
  job: "job",
};
const ID_KIND_BY_FIELD: Record<string, Kind> = {
  accountId: "account",
  tenantId: "account",
  organizationId: "organization",
  teamId: "team",
  userId: "user",
  invitationId: "invitation",
  apiKeyId: "apiKey",
  documentId: "document",
};
type Kind = "account" | "organization" | "team" | "user" | "invitation" | "apiKey" | "document" | "job";
type Ids = Record<Kind, string>;

const isIdField = (key: string) => key === "id" || /^[a-z][A-Za-z]*Id$/.test(key);

type AnyDef = { type: string; format?: string; entries?: Record<string, string>; values?: unknown[]; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: AnyDef } })._zod.def;

/** A valid value for a required non-id field (optional ones are left to their defaults). */
function sample(s: z.ZodType): unknown {
  const def = defOf(s);
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
      return undefined;
    case "nullable":
      return def.innerType && sample(def.innerType);
    case "string":
      return def.format === "email" ? "isolation@example.test" : def.format === "uuid" || def.format === "guid" ? randomUUID() : "isolation-sample";
    case "enum":
      return Object.values(def.entries ?? {})[0];
    case "literal":
      return def.values?.[0];
    case "number":
      return 1;
    case "boolean":
      return false;
    case "pipe":
      return def.in && sample(def.in);
    default:
      return undefined;
  }
}

interface Checked {
  path: string;
  input: Record<string, unknown>;
}

function procedureInputs(): Array<{ path: string; shape: Record<string, z.ZodType> }> {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>;
  return Object.entries(procedures).flatMap(([path, proc]) => {
    const shape = Object.assign({}, ...proc._def.inputs.map((i) => defOf(i).shape ?? {})) as Record<string, z.ZodType>;
    return Object.keys(shape).some(isIdField) ? [{ path, shape }] : [];
  });
}

/** Ids that sit inside a nested input, where the walk above can't see them. */
const NESTED_IDS: Record<string, (idFor: (kind: string, key: string) => string) => Record<string, unknown>> = {
  "job.create": (idFor) => ({ type: "document_analysis", input: { documentId: idFor("document", "documentId") } }),
};

function buildInput(path: string, shape: Record<string, z.ZodType>, idFor: (kind: string, key: string) => string): Record<string, unknown> {
  const router = path.split(".")[0] ?? "";
  const input: Record<string, unknown> = { ...NESTED_IDS[path]?.(idFor) };
  for (const [key, schema] of Object.entries(shape)) {
    if (isIdField(key)) input[key] = idFor(key === "id" ? (ID_KIND_BY_ROUTER[router] ?? "") : (ID_KIND_BY_FIELD[key] ?? ""), key);
    else if (!(key in input) && !schema.safeParse(undefined).success) input[key] = sample(schema);
  }
  return input;
}

/** Calls the procedure; returns what went wrong, or null when it was refused as it should be. */
async function leak(caller: Caller, { path, input }: Checked): Promise<string | null> {
  const fn = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (i: unknown) => Promise<unknown>;
  const outcome = await fn(input).then(
    (data) => ({ ok: true as const, data }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const code = outcome.ok ? "success" : outcome.error instanceof TRPCError ? outcome.error.code : String(outcome.error);
  const message = outcome.ok ? JSON.stringify(outcome.data).slice(0, 200) : (outcome.error as Error).message;
  return code === "NOT_FOUND" || code === "FORBIDDEN" ? null : `${path}(${JSON.stringify(input)}) answered ${code}: ${message}`;
}

let api: TestApi;
let a: Awaited<ReturnType<typeof newTenant>>;
let aIds: Ids;
let bIds: Ids;
beforeAll(async () => {
  api = await startTestApi();
  a = await newTenant(api, "a");
  const b = await newTenant(api, "b");
  const aKey = await a.owner.call.apiKeys.create({ name: "a key" });
  const bKey = await b.owner.call.apiKeys.create({ name: "b key" });
  const aDoc = await upload(api, a.owner.token, { name: "a.txt", bytes: Buffer.from("tenant a") });
  const bDoc = await upload(api, b.owner.token, { name: "b.txt", bytes: Buffer.from("tenant b") });
  const aJob = await a.owner.call.job.create({ type: "noop", input: {} });
  const bJob = await b.owner.call.job.create({ type: "noop", input: {} });
  aIds = { account: a.account.id, organization: a.org.id, team: a.team.id, user: a.member.user.id, invitation: a.invitation.id, apiKey: aKey.id, document: String(aDoc.body.id), job: aJob.id };
  bIds = { account: b.account.id, organization: b.org.id, team: b.team.id, user: b.member.user.id, invitation: b.invitation.id, apiKey: bKey.id, document: String(bDoc.body.id), job: bJob.id };
});
afterAll(async () => {
  await api?.close();
});

describe("tenant isolation", () => {
  it("answers every id-taking procedure called with another tenant's ids with NOT_FOUND or FORBIDDEN", async () => {
    const unknownKinds: string[] = [];
    const checked: Checked[] = [];
    const leaks: string[] = [];
    for (const { path, shape } of procedureInputs()) {
      if (path in ALLOW_LIST) continue;
      const input = buildInput(path, shape, (kind) => {
        if (kind in bIds) return bIds[kind as Kind];
        unknownKinds.push(path);
        return randomUUID();
      });
      checked.push({ path, input });
      const problem = await leak(a.owner.call, { path, input });
      if (problem) leaks.push(problem);
    }
    console.info(`isolation: ${checked.length} procedures checked${unknownKinds.length ? `; ids of unknown kind (random ids): ${[...new Set(unknownKinds)].join(", ")}` : ""}`);
    expect(leaks).toEqual([]);
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.map((c) => c.path)).toEqual(expect.arrayContaining(["account.get", "organization.addMember", "team.removeMember", "invitation.revoke", "user.update", "billing.balance", "billing.ledger", "billing.updateProfile", "billingAdmin.adjust", "document.get", "document.delete", "document.download"]));
  });

  it("refuses mixed ids too: my own container with one of the other tenant's ids inside", async () => {
    let count = 0;
    const leaks: string[] = [];
    for (const { path, shape } of procedureInputs()) {
      if (path in ALLOW_LIST) continue;
      const required = Object.keys(shape).filter((k) => isIdField(k) && !shape[k]?.safeParse(undefined).success);
      if (required.length < 2) continue;
      for (const foreign of required) {
        const input = buildInput(path, shape, (kind, key) => (key === foreign ? bIds : aIds)[kind as Kind] ?? randomUUID());
        const problem = await leak(a.owner.call, { path, input });
        if (problem) leaks.push(problem);
        count++;
      }
    }
    expect(leaks).toEqual([]);
    expect(count).toBeGreaterThan(0);
  });

  it("still lets tenant A reach its own things (the ids above were real)", async () => {
    await expect(a.owner.call.team.get({ id: aIds.team })).resolves.toMatchObject({ id: aIds.team });
    await expect(a.owner.call.user.get({ id: aIds.user })).resolves.toMatchObject({ id: aIds.user });
    await expect(a.owner.call.document.get({ id: aIds.document })).resolves.toMatchObject({ id: aIds.document });
  });
});
