// Every express handler of the app, with what each caller must get from it. A handler missing here fails the test.
import { randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { accountTopic, publishEvent, STAFF_TOPIC, userTopic } from "@atrium/core";
import { restStream, subscribed } from "../../realtime/sse.test-helpers.js";
import { http, type Probe } from "./http.js";
import { leakedMarkers } from "./markers.js";
import { restWalk } from "./rest-walk.js";

export type { Probe };

export interface RouteCase {
  why: string;
  /** Returns what went wrong, or null. Without a probe the handler serves nothing of its own. */
  probe?: (p: Probe) => Promise<string | null>;
}

const shows = (p: Probe, text: string) => {
  const leaked = leakedMarkers(text, p.caller.foreign);
  return leaked.length ? `shows ${leaked.join(", ")}` : null;
};

/** A tenant id in a path or query must answer exactly like an id that doesn't exist (401 with dead credentials). */
async function sameAsUnknown(p: Probe, method: string, at: (id: string) => string, foreignId: string, init: (id: string) => Parameters<typeof http>[3] = () => ({})): Promise<string | null> {
  const [theirs, none] = await Promise.all([http(p, method, at(foreignId), init(foreignId)), http(p, method, at(randomUUID()), init(randomUUID()))]);
  if (!p.active) return theirs.status === 401 ? null : `${method} ${at(foreignId)} answered ${theirs.status} to dead credentials`;
  const same = theirs.status === none.status && theirs.text.replace(/[0-9a-f-]{36}/g, "<id>") === none.text.replace(/[0-9a-f-]{36}/g, "<id>");
  return theirs.status < 400 || !same ? `${method} ${at(foreignId)} answered ${theirs.status} ${theirs.text.slice(0, 200)}; unknown id: ${none.status} ${none.text.slice(0, 200)}` : null;
}

const publicAndClean = (path: string) => async (p: Probe) => {
  const r = await http(p, "GET", path);
  return r.status === 200 ? shows(p, r.text) : `GET ${path} answered ${r.status}`;
};

/** Builds the form the upload route reads: the account first, then the file. */
const uploadForm = (accountId: string) => {
  const form = new FormData();
  form.append("accountId", accountId);
  form.append("file", new Blob([Buffer.from("isolation probe")]), "probe.txt");
  return { body: form };
};

/**
 * The caller's event stream, while tenant B's account, B's user and staff get
 * events: only the caller's own closing marker may arrive (the caller's other
 * tenant, when they have one, is theirs, so it is not published to).
 */
async function eventsProbe(p: Probe): Promise<string | null> {
  const s = restStream(p.world.api, p.caller.token);
  const status = await s.status;
  if (!p.active) return status === 401 ? null : `a dead credential opened a stream (${status})`;
  if (status !== 200) return `the stream answered ${status}`;
  try {
    await subscribed(p.world.api, [p.caller.user]);
    const svc = p.world.api.svc;
    const b = p.world.b.ids;
    if (!p.caller.alsoIn) await publishEvent(svc, [accountTopic(b.account)], { type: "balance.changed", accountId: b.account });
    await publishEvent(svc, [userTopic(b.user), STAFF_TOPIC], { type: "system.job.changed", jobId: b.job, status: "queued" });
    const marker = randomUUID();
    await publishEvent(svc, [userTopic(p.caller.user.id)], { type: "notification.created", notificationId: marker, kind: "probe" });
    const deadline = Date.now() + 5000;
    while (!s.got.some((e) => e.event.type === "notification.created" && e.event.notificationId === marker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    // Other probes of the same user (by session and by API key) send their markers to this user too.
    const others = s.got.filter((e) => !(e.event.type === "notification.created" && e.event.kind === "probe"));
    return others.length ? `received ${JSON.stringify(others).slice(0, 200)}` : s.got.length ? null : "never received its own event";
  } finally {
    s.close();
    await s.ended;
  }
}

export const ROUTE_CASES: Record<string, RouteCase> = {
  "GET /api/events/": { why: "the caller's live events (SSE): their user, their accounts, staff only for staff", probe: eventsProbe },
  "USE / requestGuards": {
    why: "ALLOWED_HOSTS (400 for a Host the operator didn't list), SECURE_SSL_REDIRECT (plain http to https), the seed's path aliases rewritten, request timing for /metrics: nothing of a tenant's",
  },
  "USE / requestLogAndHeaders": { why: "request logging, then security and CORS headers (helmet + cors, precomputed)" },
  "ERROR / jsonErrors": { why: "error handler: JSON error bodies" },
  "USE / serveStatic": { why: "the built SPA's static files (only with WEB_DIST_DIR): no tenant data" },
  "GET /^\\/(?!(api|trpc)(\\/|$))(?:[^.]*)$/": { why: "the built SPA's index.html for client-side routes (only with WEB_DIST_DIR)" },
  "USE / <anonymous> x1": { why: "the SPA's refusal of source maps: it serves nothing of a tenant's" },
  "USE /api restProcedures": { why: "REST fast path: a JSON procedure's path without parameters runs the same CSRF, body and input checks and adapter as below, skipping routers that never answer it" },
  "USE /api emptyBodyIsJson": { why: "marks empty REST bodies as JSON" },
  "USE /api restInputs": { why: "REST only: the manuals' snake_case aliases; refuses keys the adapter would drop unread (400)" },
  // The HTTP guards (apps/api/src/http): they refuse requests, never answer with data.
  "USE /trpc csrfCheck": { why: "CSRF: cookie-authenticated tRPC changes need an allowed Origin and JSON or the CSRF header" },
  "USE /api csrfCheck": { why: "CSRF: cookie-authenticated REST changes need an allowed Origin and JSON or the CSRF header" },
  "USE /trpc refuseUnboundedBody": { why: "413/415 from the headers, before a body is read" },
  "USE /api refuseUnboundedBody": { why: "413/415 from the headers, before a body is read" },
  "USE /trpc chargeAuthBudget": { why: "charges the IP's auth budget before the body is read (429)" },
  "USE /api chargeAuthBudget": { why: "charges the IP's auth budget before the body is read (429)" },
  "USE /trpc readBoundedJsonBody": { why: "reads JSON bodies within MAX_JSON_BODY_BYTES, refuses deep nesting" },
  "USE /api readBoundedJsonBody": { why: "reads JSON bodies within MAX_JSON_BODY_BYTES, refuses deep nesting" },
  "USE /api/docs swaggerInitFn": { why: "Swagger UI assets (the document is probed at /api/openapi.json)" },
  "USE /api/docs serveStatic": { why: "Swagger UI assets" },
  "USE /api/docs <anonymous> x1": { why: "Swagger UI page", probe: publicAndClean("/api/docs/") },
  "USE /trpc <anonymous> x1": {
    why: "the tRPC adapter: the procedures walked in isolation.test.ts; here once over the wire",
    probe: (p) => sameAsUnknown(p, "GET", (id) => `/trpc/teams.get?input=${encodeURIComponent(JSON.stringify({ id }))}`, p.world.b.ids.team),
  },
  "USE /api <anonymous> x2": {
    why: "REST (trpc-to-openapi), walked again with tenant B's ids over the wire; then the 404 for unknown /api paths",
    probe: async (p) => {
      const unknown = await http(p, "GET", "/api/no-such-route/");
      return unknown.status === 404 ? restWalk(p) : `an unknown route answered ${unknown.status}`;
    },
  },
  "GET /metrics": {
    why: "Prometheus text (METRICS_TOKEN when set): route templates and counters, never a tenant's ids",
    probe: async (p) => {
      const r = await http(p, "GET", "/metrics");
      return r.status === 200 ? shows(p, r.text) : [401, 403].includes(r.status) ? null : `GET /metrics answered ${r.status}`;
    },
  },
  "GET /api/healthz|/api/healthz/": { why: "liveness, public", probe: publicAndClean("/api/healthz") },
  "GET /api/readyz|/api/readyz/": { why: "readiness, public", probe: publicAndClean("/api/readyz") },
  "GET /api/openapi.json": { why: "the API description, public", probe: publicAndClean("/api/openapi.json") },
  "POST /api/billing/webhook/": {
    why: "Stripe webhook: only Stripe's signature counts, never the caller's token",
    probe: async (p) => {
      const forged = { id: `evt_${randomUUID()}`, type: "checkout.session.completed", data: { object: { metadata: { accountId: p.world.a.ids.account }, amount_total: 100000 } } };
      const r = await http(p, "POST", "/api/billing/webhook/", { json: forged });
      return r.status === 400 ? null : `an unsigned event answered ${r.status} ${r.text.slice(0, 200)}`;
    },
  },
  "GET /api/billing/local-checkout/:sessionId": {
    why: "local checkout page: the session id is signed (it names the account), so a made-up one is refused",
    probe: async (p) => {
      const r = await http(p, "GET", `/api/billing/local-checkout/cs_local_${randomUUID()}`);
      return [400, 404].includes(r.status) ? shows(p, r.text) : `an unsigned checkout session answered ${r.status}`;
    },
  },
  "POST /api/billing/local-checkout/:sessionId/confirm": {
    why: "local checkout payment: the session id is the credential",
    probe: async (p) => {
      const r = await http(p, "POST", `/api/billing/local-checkout/cs_local_${randomUUID()}/confirm`);
      return [400, 404].includes(r.status) ? shows(p, r.text) : `confirming an unsigned checkout session answered ${r.status}`;
    },
  },
  "GET /api/admin/audit-events/export.csv": {
    why: "audit CSV: tenant admins get their tenants only",
    probe: async (p) => {
      const named = await sameAsUnknown(p, "GET", (id) => `/api/admin/audit-events/export.csv?accountId=${id}`, p.world.b.ids.account);
      if (named || !p.active) return named;
      const all = await http(p, "GET", "/api/admin/audit-events/export.csv");
      return all.status === 200 ? shows(p, all.text) : all.status === 403 ? null : `the unfiltered export answered ${all.status}`;
    },
  },
  ...Object.fromEntries(
    ["funnel", "time-to-hire", "sources"].map((report): [string, RouteCase] => [
      `GET /api/recruiting/reports/${report}.csv`,
      {
        why: "recruiting report CSV: the caller's employer account only, for recruiting roles and admins",
        probe: async (p) => {
          const named = await sameAsUnknown(p, "GET", (id) => `/api/recruiting/reports/${report}.csv?accountId=${id}`, p.world.b.ids.account);
          if (named || !p.active) return named;
          const own = await http(p, "GET", `/api/recruiting/reports/${report}.csv`);
          return own.status === 200 ? shows(p, own.text) : [400, 403].includes(own.status) ? null : `the own report answered ${own.status}`;
        },
      },
    ]),
  ),
  "GET /api/billing/admin/ledger/export.csv": {
    why: "ledger CSV: staff only",
    probe: async (p) => {
      const r = await http(p, "GET", `/api/billing/admin/ledger/export.csv?accountId=${p.world.b.ids.account}`);
      return r.status === (p.active ? 403 : 401) ? null : `answered ${r.status} ${r.text.slice(0, 200)}`;
    },
  },
  "GET /api/data/export/": {
    why: "tenant archive: owners/admins get their home account only; accountId is staff-only, so another tenant's is not found",
    probe: async (p) => {
      const named = await sameAsUnknown(p, "GET", (id) => `/api/data/export/?accountId=${id}`, p.world.b.ids.account);
      if (named || !p.active) return named;
      const res = await fetch(`${p.world.api.url}/api/data/export/`, { headers: { authorization: `Bearer ${p.caller.token}` } });
      if ([403, 404].includes(res.status)) return null;
      if (res.status !== 200) return `the own-account export answered ${res.status}`;
      return shows(p, gunzipSync(Buffer.from(await res.arrayBuffer())).toString("utf8"));
    },
  },
  "POST /api/data/restore/": {
    why: "tenant restore: staff only, refused before the body is read",
    probe: async (p) => {
      const r = await http(p, "POST", "/api/data/restore/?dryRun=true", { json: { t: "header" } });
      return r.status === (p.active ? 403 : 401) ? null : `answered ${r.status} ${r.text.slice(0, 200)}`;
    },
  },
  "GET /api/system/backups/:name/download/": {
    why: "a whole-database backup: staff only, refused before the id is even looked up",
    probe: async (p) => {
      const r = await http(p, "GET", "/api/system/backups/atrium-20260101T000000000Z/download/");
      return r.status === (p.active ? 403 : 401) ? null : `answered ${r.status} ${r.text.slice(0, 200)}`;
    },
  },
  "POST /api/documents/": {
    why: "multipart upload into a named account",
    probe: (p) => sameAsUnknown(p, "POST", () => "/api/documents/", p.world.b.ids.account, uploadForm),
  },
  "GET /api/files/*key": {
    why: "signed file links: the signature covers the key, so another tenant's key under my signature is refused",
    probe: async (p) => {
      const link = new URL(p.world.aDownloadUrl, p.world.api.url);
      const own = await http(p, "GET", `${link.pathname}${link.search}`, { anonymous: true });
      const swapped = await http(p, "GET", `/api/files/${p.world.b.documentKey}${link.search}`);
      if (own.status !== 200) return `A's own signed link answered ${own.status}`;
      return swapped.status === 403 ? null : `B's key under A's signature answered ${swapped.status} ${swapped.text.slice(0, 100)}`;
    },
  },
};
