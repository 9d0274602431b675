// The world every isolation test runs in: three tenants full of rows, staff, and the matrix of callers.
import { eq } from "drizzle-orm";
import { notificationService, sessionService, type TTenantRole } from "@atrium/core";
import { schema } from "@atrium/db";
import { callerFor, type TestApi } from "../../testing.js";
import { upload } from "../document.test-helpers.js";
import { invitationTokenSentTo, newUser, type Caller, type TestUser } from "../tenancy.test-helpers.js";
import type { Ids } from "./procedures.js";
import { seedInterview } from "./recruiting-rows.js";

export interface Tenant {
  name: string;
  owner: TestUser;
  ids: Omit<Ids, "inviteKey" | "outbox">;
  /** The tenant's soft-deleted team: restore and "include deleted" paths must not reach it from outside either. */
  deletedTeam: string;
  /** Raw token of the pending invitation (as only the invitee's inbox knows it). */
  invitationToken: string;
  /** Storage key of the tenant's document, as signed download links name it. */
  documentKey: string;
  /** Every id, email, username and name of this tenant: none may reach another tenant's callers. */
  markers: string[];
  /** The outside candidate who applied to the tenant's posting (not a member: rights only through the application). */
  candidate: TestUser;
  /** What the tenant keeps from its candidates: members, internal rows, interview notes. */
  internal: string[];
}

export interface CallerSpec {
  name: string;
  token: string;
  call: Caller;
  user: TestUser["user"];
  /** Markers this caller must never be shown. */
  foreign: string[];
  /** Ids of the caller's other tenant: theirs to use, but never inside tenant A's things. */
  alsoIn?: Tenant["ids"];
  /** False for the user whose email address is not confirmed. */
  verified: boolean;
}

export interface World {
  api: TestApi;
  staff: TestUser;
  a: Tenant;
  b: Tenant;
  c: Tenant;
  /** Active callers in tenant A, from viewer up (by session, and one by API key); none is staff. */
  callers: CallerSpec[];
  /** Callers whose credentials must no longer work at all (session and API key of each). */
  inactive: CallerSpec[];
  /** Real ids the callers can legitimately name: tenant A's, plus staff-only things. */
  ownIds: Ids;
  /** A signed link to tenant A's document, as document.download hands it out. */
  aDownloadUrl: string;
}

async function join(api: TestApi, user: TestUser, t: { account: string; organization: string }, role: TTenantRole) {
  // Straight into the tables: these tests are about isolation, not about how people join (invitation rules change).
  await api.svc.db.insert(schema.accountMembers).values({ accountId: t.account, userId: user.user.id, role });
  await api.svc.db.insert(schema.memberships).values({ accountId: t.account, organizationId: t.organization, userId: user.user.id, role });
}

/** A tenant with a row in every tenant table: members, team, invitation, API key, document, job, ledger entry. */
async function newTenant(api: TestApi, staff: TestUser, name: string, owner: TestUser, roles: Array<[label: string, role: TTenantRole]>): Promise<Tenant & { members: TestUser[] }> {
  const account = await owner.call.accounts.create({ name: `${name} Inc` });
  const org = await owner.call.organizations.create({ accountId: account.id, name: `${name} Org` });
  const team = await owner.call.teams.create({ organizationId: org.id, name: `${name} Team` });
  const ids = { account: account.id, organization: org.id };
  // A soft-deleted row too: "include deleted" reads must not reach another tenant's either.
  const oldTeam = await owner.call.teams.create({ organizationId: org.id, name: `${name} Old Team` });
  await owner.call.teams.delete({ id: oldTeam.id });
  const members: TestUser[] = [];
  for (const [label, role] of roles) {
    const m = await newUser(api, `${name}-${label}`);
    await join(api, m, ids, role);
    members.push(m);
  }
  const member = members[0] ?? owner;
  await owner.call.teams.addMember({ id: team.id, userId: member.user.id, role: "member" });
  const inviteeEmail = `${name}-invitee@example.test`;
  const invited = await owner.call.invitations.create({ id: org.id, email: inviteeEmail, role: "member" });
  if (invited.status !== "invited") throw new Error("expected an invitation");
  const apiKey = await owner.call.apiKeys.create({ name: `${name} key` });
  const doc = await upload(api, owner.token, { name: `${name}.txt`, bytes: Buffer.from(`${name} document`) }, { accountId: account.id });
  if (doc.status >= 300) throw new Error(`upload failed: ${JSON.stringify(doc.body)}`);
  const job = await owner.call.jobs.create({ type: "noop", input: {}, accountId: account.id });
  const adjusted = await staff.call.billing.admin.adjust({ tenantId: account.id, amountCents: 5000, reason: `${name} opening credit` });
  const checkout = await owner.call.billing.topup.createSession({ amountDollars: 5, accountId: account.id });
  // A conversation between the owner and a member, so messages have real ids per tenant.
  const sent = await owner.call.messages.send({ receiverId: member.user.id, content: `${name} private message`, accountId: account.id });
  const [docRow] = await api.svc.db.select().from(schema.documents).where(eq(schema.documents.id, String(doc.body.id)));
  const notice = await notificationService.notify(api.svc, { userId: owner.user.id, accountId: account.id, kind: "job.finished", title: `${name} notice`, body: `${name} job done`, link: `/jobs/${job.id}`, email: false });
  if (!notice.notificationId) throw new Error("expected a notification");
  const recruiting = await postingWithApplicant(api, name, account.id);
  const people = [owner, ...members, recruiting.candidate];
  const interviewRows = await seedInterview(api, name, { accountId: account.id, applicationId: recruiting.application }, owner.user.id);
  return {
    name,
    owner,
    members,
    candidate: recruiting.candidate,
    internal: [
      ...[org.id, team.id, oldTeam.id, invited.invitation.id, apiKey.id, String(doc.body.id), job.id, adjusted.entry.id, checkout.sessionId, sent.conversation.id, sent.message.id, notice.notificationId],
      // Not the members' ids: the application's conversation names the recruiter who talks to the candidate.
      ...[owner, ...members].map((p) => p.user.email),
      ...[inviteeEmail, `${name} Org`, `${name} Team`, `${name} Old Team`, `${name} document`, `${name} private message`, `${name} notice`, `${name} interview notes`],
    ],
    ids: { account: account.id, organization: org.id, team: team.id, user: member.user.id, invitation: invited.invitation.id, apiKey: apiKey.id, document: String(doc.body.id), job: job.id, conversation: sent.conversation.id, message: sent.message.id, notification: notice.notificationId, posting: recruiting.posting, application: recruiting.application, interview: interviewRows.interviewId },
    deletedTeam: oldTeam.id,
    invitationToken: await invitationTokenSentTo(api, inviteeEmail),
    documentKey: String(docRow?.storageKey),
    markers: [
      ...[account.id, org.id, team.id, oldTeam.id, invited.invitation.id, apiKey.id, String(doc.body.id), job.id, adjusted.entry.id, checkout.sessionId, sent.conversation.id, sent.message.id, notice.notificationId],
      ...recruiting.markers,
      ...people.flatMap((p) => [p.user.id, p.user.email, p.user.username]),
      ...interviewRows.markers,
      ...[inviteeEmail, `${name} Inc`, `${name} Org`, `${name} Team`, `${name} Old Team`, `${name} document`, `${name} private message`, `${name} notice`],
    ],
  };
}

/**
 * A published posting of the tenant (rows straight in: postings have their own tests) and a
 * candidate from outside who applied to it with a résumé of their personal account.
 */
async function postingWithApplicant(api: TestApi, name: string, accountId: string) {
  const db = api.svc.db;
  const [jd] = await db
    .insert(schema.documents)
    .values({ accountId, filename: `${name}-job.txt`, mimeType: "text/plain", sizeBytes: 20, sha256: "0".repeat(64), storageKey: `isolation/${name}-job`, kind: "job_description", extractionStatus: "done", extractedText: `${name} posting text` })
    .returning();
  const [posting] = await db
    .insert(schema.jobPostings)
    .values({ accountId, title: `${name} Engineer`, description: `${name} posting text`, status: "published", publishedAt: new Date(), jobDescriptionDocumentId: jd?.id })
    .returning();
  if (!jd || !posting) throw new Error("no posting");
  const first = await newUser(api, `${name}-candidate`);
  const personal = await first.call.accounts.create({ name: `${name} Candidate Home` });
  await db.update(schema.users).set({ accountId: personal.id }).where(eq(schema.users.id, first.user.id));
  // A fresh session: the first one's cached actor has no home account yet.
  const { token } = await sessionService.createSession(api.svc, first.user.id, { rememberMe: false });
  const candidate = { ...first, token, call: callerFor(api, token) };
  const resume = await upload(api, candidate.token, { name: `${name}-cv.txt`, bytes: Buffer.from(`${name} candidate resume`) }, { accountId: personal.id, kind: "resume" });
  const resumeId = String(resume.body.id);
  await db.update(schema.documents).set({ extractionStatus: "done", extractedText: `${name} candidate resume` }).where(eq(schema.documents.id, resumeId));
  const applied = await candidate.call.recruiting.applications.create({ postingId: posting.id, resumeDocumentId: resumeId });
  const [app] = await db.select().from(schema.applications).where(eq(schema.applications.id, applied.id));
  return {
    candidate,
    posting: posting.id,
    application: applied.id,
    markers: [posting.id, jd.id, applied.id, personal.id, resumeId, String(app?.resumeDocumentId), `${name} Engineer`, `${name} Candidate Home`, `${name} candidate resume`],
  };
}

/** Staff-only things with real ids, so a refusal can't come from an unknown id. */
async function staffIds(api: TestApi, staff: TestUser): Promise<{ inviteKey: string; outbox: string }> {
  const key = await staff.call.inviteKeys.create({});
  // Flags are named, not numbered: the walk fills a flag key with its sample string, so a flag of that name exists.
  await staff.call.flags.create({ key: "isolation-sample", type: "boolean", targeting: { default: false, rules: [] } });
  const [mail] = await api.svc.db.select({ id: schema.emailOutbox.id }).from(schema.emailOutbox).limit(1);
  if (!mail) throw new Error("expected an email in the outbox");
  return { inviteKey: key.id, outbox: mail.id };
}

const specOf = (api: TestApi, u: TestUser, name: string, foreign: string[], token = u.token): CallerSpec => ({ name, token, call: callerFor(api, token), user: u.user, foreign, verified: true });

/**
 * Tenant A holds the callers; B is the victim; C is the second home of the
 * user who belongs to two tenants (A's other callers must not see C either).
 */
export async function buildWorld(api: TestApi): Promise<World> {
  const staff = await newUser(api, "isolation-staff", { isStaff: true });
  const dual = await newUser(api, "charlie-dual");
  const c = await newTenant(api, staff, "charlie", dual, [["member", "member"]]);
  const a = await newTenant(api, staff, "alpha", await newUser(api, "alpha-owner"), [
    ["member", "member"],
    ["viewer", "viewer"],
    ["admin", "admin"],
    ["disabled", "member"],
    ["deleted", "member"],
  ]);
  const b = await newTenant(api, staff, "bravo", await newUser(api, "bravo-owner"), [
    ["member", "member"],
    ["admin", "admin"],
  ]);
  await join(api, dual, a.ids, "member");
  // Signed up but never confirmed the address: a member of A all the same.
  const unverified = await newUser(api, "alpha-unverified", { verified: false });
  await join(api, unverified, a.ids, "member");

  const [member, viewer, admin, disabled, deleted] = a.members as [TestUser, TestUser, TestUser, TestUser, TestUser];
  const inactiveKeys = await Promise.all([disabled, deleted].map((u) => u.call.apiKeys.create({ name: "soon dead" })));
  const memberKey = await member.call.apiKeys.create({ name: "scripts" });
  await staff.call.users.admin.update({ id: disabled.user.id, isActive: false });
  await deleted.call.users.delete({ id: deleted.user.id });

  // Dual's own identity is legitimately visible in A; the rest of C is not.
  const cForA = c.markers.filter((m) => ![dual.user.id, dual.user.email, dual.user.username].includes(m));
  const callers = [
    specOf(api, viewer, "viewer", [...b.markers, ...cForA]),
    specOf(api, member, "member", [...b.markers, ...cForA]),
    specOf(api, member, "member (API key)", [...b.markers, ...cForA], memberKey.key),
    specOf(api, admin, "admin", [...b.markers, ...cForA]),
    specOf(api, a.owner, "owner", [...b.markers, ...cForA]),
    { ...specOf(api, dual, "two-tenant user", b.markers), alsoIn: c.ids },
    { ...specOf(api, unverified, "unverified member", [...b.markers, ...cForA]), verified: false },
    // Tenant A's applicant: sees their own application, interview and the employer's name, nothing else of A's.
    specOf(api, a.candidate, "candidate", [...b.markers, ...cForA, ...a.internal]),
  ];
  const inactive = [
    specOf(api, disabled, "disabled user (session)", b.markers),
    specOf(api, deleted, "soft-deleted user (session)", b.markers),
    specOf(api, disabled, "disabled user (API key)", b.markers, inactiveKeys[0]?.key),
    specOf(api, deleted, "soft-deleted user (API key)", b.markers, inactiveKeys[1]?.key),
  ];
  const { url: aDownloadUrl } = await a.owner.call.documents.download({ id: a.ids.document });
  return { api, staff, a, b, c, callers, inactive, ownIds: { ...a.ids, ...(await staffIds(api, staff)) }, aDownloadUrl };
}
