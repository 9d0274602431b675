import { describe, expect, it } from "vitest";
import { createClient, recruitingReportCsv, type AtriumClient, type RestTarget } from "../src/index.js";
import { cliStack } from "./testing.js";

// Issue 15's REST surface from the SDK's side: every recruiting and public-board route the api documents
// has its typed call here (or, for the CSV downloads, the SDK's raw-route helper), so a route added
// without an SDK way to reach it fails this test; each call then really reaches its route.

const stack = cliStack("recruiting-routes");
const id = "00000000-0000-4000-8000-000000000000";
const soon = () => new Date(Date.now() + 86_400_000).toISOString();

type Reach = (client: AtriumClient, target: RestTarget) => Promise<unknown>;
const ROUTES: Record<string, Reach> = {
  "GET /recruiting/postings": (c) => c.recruiting.postings.list.query({}),
  "POST /recruiting/postings": (c) => c.recruiting.postings.create.mutate({ title: "SDK role", description: "Reached from the SDK" }),
  "GET /recruiting/postings/{id}": (c) => c.recruiting.postings.get.query({ id }),
  "PATCH /recruiting/postings/{id}": (c) => c.recruiting.postings.update.mutate({ id, title: "x" }),
  "POST /recruiting/postings/{id}/publish": (c) => c.recruiting.postings.publish.mutate({ id }),
  "POST /recruiting/postings/{id}/close": (c) => c.recruiting.postings.close.mutate({ id }),
  "GET /public/postings": (c) => c.recruiting.board.search.query({ q: "sdk" }),
  "GET /public/{accountSlug}/postings": (c) => c.recruiting.board.list.query({ accountSlug: "no-such-employer" }),
  "GET /public/{accountSlug}/postings/{postingId}": (c) => c.recruiting.board.get.query({ accountSlug: "no-such-employer", postingId: id }),
  "POST /recruiting/applications": (c) => c.recruiting.applications.create.mutate({ postingId: id, resumeDocumentId: id }),
  "GET /recruiting/applications": (c) => c.recruiting.applications.list.query({ postingId: id }),
  "GET /recruiting/applications/{id}": (c) => c.recruiting.applications.get.query({ id }),
  "POST /recruiting/applications/{id}/move": (c) => c.recruiting.applications.move.mutate({ id, to: "screening" }),
  "POST /recruiting/applications/{id}/rematch": (c) => c.recruiting.applications.rematch.mutate({ id }),
  "GET /recruiting/my-applications": (c) => c.recruiting.applications.mine.query({}),
  "GET /recruiting/my-applications/{id}": (c) => c.recruiting.applications.getMine.query({ id }),
  "POST /recruiting/my-applications/{id}/withdraw": (c) => c.recruiting.applications.withdraw.mutate({ id }),
  "POST /recruiting/applications/{id}/conversation": (c) => c.recruiting.conversation.open.mutate({ id }),
  "GET /recruiting/applications/{id}/messages": (c) => c.recruiting.conversation.messages.query({ id }),
  "POST /recruiting/applications/{id}/messages": (c) => c.recruiting.conversation.send.mutate({ id, content: "hello" }),
  "POST /recruiting/applications/{id}/messages/read": (c) => c.recruiting.conversation.read.mutate({ id }),
  "GET /recruiting/interviews": (c) => c.recruiting.interviews.list.query({ applicationId: id }),
  "POST /recruiting/interviews": (c) => c.recruiting.interviews.schedule.mutate({ applicationId: id, startsAt: soon(), interviewerIds: [id], location: "Office" }),
  "GET /recruiting/interviews/interviewers": (c) => c.recruiting.interviews.interviewers.query({ applicationId: id }),
  "GET /recruiting/interviews/mine": (c) => c.recruiting.interviews.mine.query({}),
  "GET /recruiting/interviews/candidate": (c) => c.recruiting.interviews.candidate.query({}),
  "GET /recruiting/interviews/{id}": (c) => c.recruiting.interviews.get.query({ id }),
  "POST /recruiting/interviews/{id}/reschedule": (c) => c.recruiting.interviews.reschedule.mutate({ id, startsAt: soon() }),
  "POST /recruiting/interviews/{id}/cancel": (c) => c.recruiting.interviews.cancel.mutate({ id }),
  "POST /recruiting/interviews/{id}/confirm": (c) => c.recruiting.interviews.confirm.mutate({ id }),
  "GET /recruiting/interviews/{id}/feedback": (c) => c.recruiting.interviews.feedback.query({ id }),
  "PUT /recruiting/interviews/{id}/feedback": (c) => c.recruiting.interviews.submitFeedback.mutate({ id, recommendation: "yes" }),
  "POST /recruiting/interviews/{id}/recording": (c) => c.recruiting.interviews.attachRecording.mutate({ id, documentId: id }),
  "GET /recruiting/reports/funnel": (c) => c.recruiting.reports.funnel.query({}),
  "GET /recruiting/reports/time-to-hire": (c) => c.recruiting.reports.timeToHire.query({}),
  "GET /recruiting/reports/sources": (c) => c.recruiting.reports.sources.query({}),
  "GET /recruiting/reports/funnel.csv": (_, t) => recruitingReportCsv(t, "funnel"),
  "GET /recruiting/reports/time-to-hire.csv": (_, t) => recruitingReportCsv(t, "time-to-hire"),
  "GET /recruiting/reports/sources.csv": (_, t) => recruitingReportCsv(t, "sources"),
  "GET /recruiting/profile": (c) => c.recruiting.profile.get.query(),
  "PATCH /recruiting/profile": (c) => c.recruiting.profile.update.mutate({ headline: "Reached from the SDK" }),
  "POST /recruiting/profile/parse": (c) => c.recruiting.profile.parse.mutate({ documentId: id }),
  "POST /recruiting/assistant/ask": (c) => c.recruiting.assistant.ask.mutate({ postingId: id, question: "Who fits best?" }),
};

/** What a call came back with: "ok", or the error's status and message. */
async function outcome(run: () => Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await run();
    return { status: 200, message: "ok" };
  } catch (err) {
    const e = err as { status?: number; data?: { httpStatus?: number }; message: string };
    return { status: e.status ?? e.data?.httpStatus ?? 0, message: e.message };
  }
}

describe("the SDK and issue 15's REST routes", () => {
  it("has a typed way to every recruiting and public-board route, and each reaches its route", async () => {
    const { api } = stack;
    const doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => (/^\/(recruiting|public)\//.test(path) ? Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`) : []));
    expect(Object.keys(ROUTES).sort()).toEqual(documented.sort());

    const admin = await stack.client("admin", "admin123");
    const { token } = await createClient({ baseUrl: api.url }).auth.token.mutate({ username: "admin", password: "admin123" });
    const target: RestTarget = { baseUrl: api.url, token };
    const problems: string[] = [];
    let answered = 0;
    for (const [route, reach] of Object.entries(ROUTES)) {
      const o = await outcome(() => reach(admin, target));
      // Unknown ids get the domain's own answer ("Posting not found", 412 without a provider...), never the
      // router's "no such route" nor a 500.
      if (o.status >= 500 || o.status === 0 || /^Not found$|No procedure found/i.test(o.message)) problems.push(`${route}: ${o.status} ${o.message}`);
      if (o.status === 200) answered += 1;
    }
    expect(problems).toEqual([]);
    // Lists, reports, the profile and the new posting really answered.
    expect(answered).toBeGreaterThanOrEqual(12);
  });
});
