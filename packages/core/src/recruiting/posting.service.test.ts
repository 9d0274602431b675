import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createLogger, loadConfig } from "@atrium/config";
import { schema } from "@atrium/db";
import { createTestDatabase, testInfraUrls, testRedisPrefix, type TestDatabase } from "@atrium/db/testing";
import { loadTenantActor, type TenantActor } from "../accounts/actor.service.js";
import { insertAccount } from "../accounts/tenant.repository.js";
import { findDocument } from "../documents/document.repository.js";
import type { ServiceContext } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";
import { localFileStorage } from "../storage/local-storage.service.js";
import type { Storage } from "../storage/storage.service.js";
import { insertUser } from "../users/user.repository.js";
import { ZCreatePostingInput } from "./posting.schema.js";
import * as postingService from "./posting.service.js";
import * as publicPostingService from "./public-posting.service.js";

// Postings against real Postgres and real (local) storage: who may write, the job_description
// document kept in step with the posting, and what the public board shows.

let db: TestDatabase;
let ctx: ServiceContext;
let storage: Storage;
let dir: string;
const actors: Record<"rita" | "hank" | "mo" | "eve", TenantActor> = {} as never;
let acme: string;

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof ServiceError ? e.code : String(e)));
const input = (fields: Record<string, unknown>) => ZCreatePostingInput.parse(fields);

beforeAll(async () => {
  const infra = testInfraUrls();
  db = await createTestDatabase(infra.pgAdminUrl);
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: db.url, REDIS_URL: infra.redisUrl, REDIS_PREFIX: testRedisPrefix() });
  ctx = { db: db.db, config, logger: createLogger(config, "posting-test"), now: () => new Date() };
  dir = await mkdtemp(path.join(os.tmpdir(), "postings-"));
  storage = localFileStorage({ root: dir, secret: "s" });
  acme = (await insertAccount(db.db, { name: "Acme", slug: "acme-post" })).id;
  const other = (await insertAccount(db.db, { name: "Other", slug: "other-post" })).id;
  const people = [
    ["rita", acme, "recruiter"],
    ["hank", acme, "hiring_manager"],
    ["mo", acme, null],
    ["eve", other, null],
  ] as const;
  for (const [name, accountId, recruitingRole] of people) {
    const u = await insertUser(db.db, { username: name, email: `${name}@example.test`, passwordHash: "x", accountId });
    await db.db.insert(schema.accountMembers).values({ accountId, userId: u.id, role: name === "eve" ? "owner" : "member", recruitingRole });
    actors[name] = await loadTenantActor(db.db, { userId: u.id, username: name, accountId, isStaff: false });
  }
});
afterAll(async () => {
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("postings", () => {
  it("a recruiter creates a draft, publishes it with its job_description document, edits it and the document follows", async () => {
    const draft = await postingService.createPosting(
      ctx,
      actors.rita,
      input({ title: "Night nurse", description: "Care for patients at night.", location: "Lyon", requiredSkills: [" Triage ", "triage", "IV  therapy"], salaryMin: 30000, salaryMax: 40000 }),
    );
    expect(draft).toMatchObject({ status: "draft", accountId: acme, requiredSkills: ["Triage", "IV therapy"], jobDescriptionDocumentId: null });

    const published = await postingService.publishPosting(ctx, storage, actors.rita, { id: draft.id });
    expect(published.status).toBe("published");
    const docId = published.jobDescriptionDocumentId;
    if (!docId) throw new Error("no document");
    const doc = await findDocument(db.db, docId);
    expect(doc).toMatchObject({ accountId: acme, kind: "job_description", extractionStatus: "done" });
    expect(doc?.extractedText).toContain("Care for patients at night.");
    expect(doc?.extractedText).toContain("Triage, IV therapy");

    await postingService.updatePosting(ctx, storage, actors.rita, { id: draft.id, description: "Care for patients on night shifts." });
    const after = await findDocument(db.db, docId);
    expect(after?.extractedText).toContain("night shifts");
    // The stored bytes are the same text: one storage path for uploads and written documents.
    if (!after) throw new Error("document gone");
    expect((await buffer(await storage.get(after.storageKey))).toString("utf8")).toBe(after.extractedText);

    const audit = await db.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, draft.id));
    expect(audit.map((a) => a.eventType).sort()).toEqual(["posting.created", "posting.published", "posting.updated"]);

    // What applications use: the published posting's document id.
    expect((await postingService.jobDescriptionDocument(ctx, storage, draft.id)).documentId).toBe(docId);
  });

  it("a hiring manager reads but can't change; a member without a recruiting role can't read; another employer sees nothing", async () => {
    const p = await postingService.createPosting(ctx, actors.rita, input({ title: "Cook", description: "Cook things." }));
    expect((await postingService.getPosting(ctx, actors.hank, { id: p.id })).title).toBe("Cook");
    expect(await codeOf(postingService.publishPosting(ctx, storage, actors.hank, { id: p.id }))).toBe("FORBIDDEN");
    expect(await codeOf(postingService.createPosting(ctx, actors.hank, input({ title: "x", description: "y" })))).toBe("FORBIDDEN");
    expect(await codeOf(postingService.getPosting(ctx, actors.mo, { id: p.id }))).toBe("FORBIDDEN");
    expect(await codeOf(postingService.listPostings(ctx, actors.mo, { limit: 25 }))).toBe("FORBIDDEN");
    expect(await codeOf(postingService.getPosting(ctx, actors.eve, { id: p.id }))).toBe("NOT_FOUND");
    expect(await codeOf(postingService.updatePosting(ctx, storage, actors.eve, { id: p.id, title: "Mine" }))).toBe("NOT_FOUND");
  });

  it("an edit can't leave the salary range upside down", async () => {
    const p = await postingService.createPosting(ctx, actors.rita, input({ title: "Sales", description: "Sell.", salaryMin: 50000 }));
    const err = await postingService.updatePosting(ctx, storage, actors.rita, { id: p.id, salaryMax: 10000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).fieldErrors).toHaveProperty("salaryMax");
  });

  it("the public board shows published postings only, and the search finds them by words", async () => {
    const draft = await postingService.createPosting(ctx, actors.rita, input({ title: "Secret draft welder", description: "Weld." }));
    const open = await postingService.createPosting(ctx, actors.rita, input({ title: "Forklift driver", description: "Drive forklifts in the warehouse.", remote: false }));
    await postingService.publishPosting(ctx, storage, actors.rita, { id: open.id });
    const closed = await postingService.createPosting(ctx, actors.rita, input({ title: "Closed welder", description: "Weld." }));
    await postingService.publishPosting(ctx, storage, actors.rita, { id: closed.id });
    await postingService.closePosting(ctx, storage, actors.rita, { id: closed.id });

    const board = await publicPostingService.listBoard(ctx, { accountSlug: "acme-post", limit: 100 });
    const ids = board.items.map((i) => i.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(closed.id);
    expect(board.items.find((i) => i.id === open.id)?.employer).toEqual({ slug: "acme-post", name: "Acme" });
    expect(await codeOf(publicPostingService.getBoardPosting(ctx, { accountSlug: "acme-post", postingId: draft.id }))).toBe("NOT_FOUND");
    expect(await codeOf(publicPostingService.listBoard(ctx, { accountSlug: "nobody-here", limit: 25 }))).toBe("NOT_FOUND");

    const found = await publicPostingService.searchPostings(ctx, { q: "forklifts warehouse", limit: 25 });
    expect(found.items.map((i) => i.id)).toEqual([open.id]);
    expect((await publicPostingService.searchPostings(ctx, { q: "welder", limit: 25 })).items).toEqual([]);
    // Odd search syntax is words, not an error.
    expect((await publicPostingService.searchPostings(ctx, { q: `"unbalanced & | ! (`, limit: 25 })).items).toEqual([]);
  });
});
