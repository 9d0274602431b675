// Issue 15's apply path under hostile résumés, through a running worker: each upload's extraction
// ends (failed, with a reason a candidate can act on, never "being read" forever), "fill from
// résumé" on one says why it couldn't, the same worker goes on to parse a good résumé, and a
// parsed profile keeps none of the control or bidi characters the résumé carried.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candidateProfileService, documentKey, documentService, storageFromConfig, type JobActor, type ServiceContext } from "@atrium/core";
import { encryptedPdf, imageOnlyPdf, manyPagesPdf, nestedPdf } from "@atrium/core/testing";
import { schema } from "@atrium/db";
import { waitFor } from "../../testing.js";
import { FIXTURES, startFundedWorker } from "./analysis.test-helpers.js";

let svc: ServiceContext;
let t: { accountId: string; actor: JobActor };
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ svc, t, stop } = await startFundedWorker("hostile-resume", { JOB_RETRY_BASE_MS: "50" }));
}, 60_000);
afterAll(async () => {
  await stop?.();
});

/** What the upload route does once the bytes are stored: record the document, which queues its extraction. */
async function upload(filename: string, bytes: Buffer, mimeType: string): Promise<string> {
  const id = randomUUID();
  const storageKey = documentKey(t.accountId, id, filename);
  await storageFromConfig(svc.config).put(storageKey, bytes, { contentType: mimeType });
  await documentService.recordUpload(svc, t.actor, { id, accountId: t.accountId, filename, mimeType, sizeBytes: bytes.length, sha256: "0".repeat(64), storageKey, kind: "resume" });
  return id;
}

const extracted = (id: string) =>
  waitFor(
    async () => {
      const [row] = await svc.db.select().from(schema.documents).where(eq(schema.documents.id, id));
      return row && row.extractionStatus !== "pending" ? row : null;
    },
    { timeoutMs: 30_000, what: `document ${id}'s extraction to end` },
  );

const PDF = "application/pdf";
// eslint-disable-next-line no-control-regex -- the control characters are what is looked for
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("hostile résumés through the worker", () => {
  it("each extraction ends failed with its reason, a parse of one says why, and the worker goes on to read a good one", async () => {
    const head = Buffer.from("Jane Doe, nurse. ".repeat(300));
    const hostile: Array<[string, Buffer, string, RegExp]> = [
      // A NUL past the part the upload judges: Postgres refused the text, so the job retried and the document stayed pending.
      ["nul.txt", Buffer.concat([head, Buffer.from([0]), Buffer.from(" BLS")]), "text/plain", /NUL bytes/],
      ["scan.pdf", imageOnlyPdf(), PDF, /^No text found in this PDF \(a scanned image has none\)/],
      ["locked.pdf", encryptedPdf(), PDF, /password-protected/],
      ["deep.pdf", nestedPdf(100_000), PDF, /^Document too large or complex to read: its objects nest too deeply$/],
      ["pages.pdf", manyPagesPdf(2001), PDF, /^Document too large or complex to read: it has 2001 pages/],
    ];
    const ids = await Promise.all(hostile.map(([name, bytes, mime]) => upload(name, bytes, mime)));
    for (const [i, id] of ids.entries()) {
      const row = await extracted(id);
      expect(row.extractionStatus, hostile[i]?.[0]).toBe("failed");
      expect(row.extractionError).toMatch(hostile[i]?.[3] as RegExp);
    }

    // "Fill from résumé" on the scan: the profile's parse ends failed and says why (what the profile page shows).
    await candidateProfileService.parseMyProfile(svc, t.actor, { documentId: ids[1] as string });
    const failedParse = await waitFor(async () => {
      const p = await candidateProfileService.getMyProfile(svc, t.actor);
      return p.parse?.status === "failed" ? p.parse : null;
    }, { timeoutMs: 30_000, what: "the scan's parse to fail" });
    expect(failedParse.error).toMatch(/^Could not read the text of scan\.pdf: No text found in this PDF/);

    // The same worker reads the next résumé, and the profile takes it.
    const good = await upload("resume-nurse.txt", await readFile(new URL("resume-nurse.txt", FIXTURES)), "text/plain");
    expect((await extracted(good)).extractionStatus).toBe("done");
    await candidateProfileService.parseMyProfile(svc, t.actor, { documentId: good });
    const profile = await waitFor(async () => {
      const p = await candidateProfileService.getMyProfile(svc, t.actor);
      return p.parse?.status === "success" && p.parse.appliedAt ? p : null;
    }, { timeoutMs: 30_000, what: "the good résumé's parse" });
    expect(profile.contact.name).toBe("Jane Doe");
  }, 120_000);

  it("a parsed profile keeps no control or bidi characters from the résumé", async () => {
    const nurse = await readFile(new URL("resume-nurse.txt", FIXTURES), "utf8");
    // A C1 escape (CSI), RTL overrides, an isolate and a pop in the headline, the skills and a job line.
    const hostile = nurse
      .replace("Registered Nurse, Seattle", "Registered\u009b31m Nurse\u202e, Seattle")
      .replace("BLS, ACLS", "BLS\u202e, ACLS\u2066")
      .replace("Charge Nurse at", "Charge\u0085 Nurse\u202c at");
    const other = await startFundedProfileOwner();
    const id = await upload("hostile-nurse.txt", Buffer.from(hostile), "text/plain");
    await candidateProfileService.parseMyProfile(svc, other, { documentId: id });
    const row = await waitFor(async () => {
      const [r] = await svc.db.select().from(schema.candidateProfiles).where(eq(schema.candidateProfiles.userId, other.userId));
      return r?.parsedAt ? r : null;
    }, { timeoutMs: 30_000, what: "the profile to be filled" });
    expect(JSON.stringify([row.headline, row.contact, row.experience, row.education, row.skills])).not.toMatch(HIDDEN);
    expect(row.skills).toEqual(expect.arrayContaining(["BLS", "ACLS"]));
    expect((row.experience as Array<{ title: string }>)[0]?.title).toBe("Charge Nurse");
    // The candidate can save the profile as it was filled: the contract takes every parsed value.
    await expect(candidateProfileService.updateMyProfile(svc, other, { contact: row.contact as never, experience: row.experience as never, education: row.education as never, skills: row.skills })).resolves.toMatchObject({ exists: true });
  }, 60_000);
});

/** A second candidate of the same account (their own profile): the first test's profile is already filled. */
async function startFundedProfileOwner(): Promise<JobActor> {
  const tag = randomUUID().slice(0, 8);
  const [user] = await svc.db.insert(schema.users).values({ username: `p-${tag}`, email: `p-${tag}@example.test`, passwordHash: "x" }).returning();
  if (!user) throw new Error("no user");
  await svc.db.insert(schema.accountMembers).values({ accountId: t.accountId, userId: user.id, role: "owner" });
  return { ...t.actor, userId: user.id };
}
