// Builders for the applications tests: an employer with recruiting roles and postings, candidates with résumés.
import { eq } from "drizzle-orm";
import { sessionService } from "@atrium/core";
import { schema } from "@atrium/db";
import { callerFor, type TestApi } from "../testing.js";
import { upload } from "./document.test-helpers.js";
import { newUser, type TestUser } from "./tenancy.test-helpers.js";

export const applicationRoutes = {
  apply: { method: "POST", rest: "/api/recruiting/applications/", trpc: "recruiting.applications.create", kind: "mutation" },
  list: { method: "GET", rest: "/api/recruiting/applications/", trpc: "recruiting.applications.list", kind: "query" },
  get: { method: "GET", rest: "/api/recruiting/applications/{id}/", trpc: "recruiting.applications.get", kind: "query" },
  move: { method: "POST", rest: "/api/recruiting/applications/{id}/move/", trpc: "recruiting.applications.move", kind: "mutation" },
  rematch: { method: "POST", rest: "/api/recruiting/applications/{id}/rematch/", trpc: "recruiting.applications.rematch", kind: "mutation" },
  mine: { method: "GET", rest: "/api/recruiting/my-applications/", trpc: "recruiting.applications.mine", kind: "query" },
  getMine: { method: "GET", rest: "/api/recruiting/my-applications/{id}/", trpc: "recruiting.applications.getMine", kind: "query" },
  withdraw: { method: "POST", rest: "/api/recruiting/my-applications/{id}/withdraw/", trpc: "recruiting.applications.withdraw", kind: "mutation" },
  documents: { method: "GET", rest: "/api/documents/", trpc: "documents.list", kind: "query" },
  document: { method: "GET", rest: "/api/documents/{id}/", trpc: "documents.get", kind: "query" },
} as const;

/** A member of `accountId` with a tenant role and, optionally, a recruiting role (rows straight in). */
async function member(api: TestApi, accountId: string, username: string, recruitingRole: "recruiter" | "hiring_manager" | null): Promise<TestUser> {
  const u = await newUser(api, username);
  await api.svc.db.insert(schema.accountMembers).values({ accountId, userId: u.user.id, role: "member", recruitingRole });
  return u;
}

/** A published posting (rows straight in: postings have their own tests) with its job-description document. */
export async function posting(api: TestApi, accountId: string, title: string, status: "draft" | "published" | "closed" = "published") {
  const text = `${title}: TypeScript, PostgreSQL, React and Kubernetes.`;
  const [jd] = await api.svc.db
    .insert(schema.documents)
    .values({ accountId, filename: "job.txt", mimeType: "text/plain", sizeBytes: text.length, sha256: "0".repeat(64), storageKey: `accounts/${accountId}/jd-${title}`, kind: "job_description", extractionStatus: "done", extractedText: text })
    .returning();
  const [row] = await api.svc.db
    .insert(schema.jobPostings)
    .values({ accountId, title, description: text, status, publishedAt: status === "published" ? new Date() : null, jobDescriptionDocumentId: jd?.id })
    .returning();
  if (!row) throw new Error("no posting");
  return row;
}

/** An employer: its owner, a recruiter, a hiring manager and a member without a recruiting role. */
export async function employer(api: TestApi, tag: string) {
  const owner = await newUser(api, `${tag}-owner`);
  const account = await owner.call.accounts.create({ name: `${tag} Corp` });
  const [recruiter, manager, plain] = [
    await member(api, account.id, `${tag}-recruiter`, "recruiter"),
    await member(api, account.id, `${tag}-manager`, "hiring_manager"),
    await member(api, account.id, `${tag}-plain`, null),
  ];
  return { owner, account, recruiter, manager, plain };
}

/** A candidate: a user whose personal (home) account holds a résumé with its text read. */
export async function candidate(api: TestApi, tag: string, resumeText = "Senior engineer: TypeScript, React, PostgreSQL.") {
  const first = await newUser(api, `${tag}-cand`);
  const home = await first.call.accounts.create({ name: `${tag} home` });
  await api.svc.db.update(schema.users).set({ accountId: home.id }).where(eq(schema.users.id, first.user.id));
  // A new session: the first one's cached actor has no home account.
  const { token } = await sessionService.createSession(api.svc, first.user.id, { rememberMe: false });
  const user: TestUser = { ...first, token, call: callerFor(api, token) };
  const resumeId = await resume(api, user, home.id, resumeText);
  return { ...user, home, resumeId };
}

/** Uploads a text résumé (the real upload route) and marks its text read, as the worker's extraction would. */
export async function resume(api: TestApi, user: TestUser, accountId: string, text: string, kind = "resume"): Promise<string> {
  const up = await upload(api, user.token, { name: "cv.txt", bytes: Buffer.from(text) }, { accountId, kind });
  if (up.status >= 300) throw new Error(`upload failed: ${JSON.stringify(up.body)}`);
  const id = String(up.body.id);
  await api.svc.db.update(schema.documents).set({ extractionStatus: "done", extractedText: text }).where(eq(schema.documents.id, id));
  return id;
}
