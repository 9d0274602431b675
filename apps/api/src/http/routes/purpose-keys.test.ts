import { createHmac } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purposeKey, ServiceError, stripeBillingService, type TDocument } from "@atrium/core";
import { startTestApi, type TestApi } from "../../testing.js";
import { fixture, upload } from "../../routers/document.test-helpers.js";
import { newTenant, rest } from "../../routers/tenancy.test-helpers.js";

let api: TestApi;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "atrium-keys-"));
  api = await startTestApi({ DATA_DIR: dataDir, RATE_LIMIT_ENABLED: "false" }, { publicUrlIsSelf: true });
});
afterAll(async () => {
  await api?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The same URL, its signature recomputed over the same fields with another key. */
function resigned(url: string, key: string | Buffer): URL {
  const u = new URL(url);
  const fileKey = decodeURIComponent(u.pathname.replace(/^\/api\/files\//, ""));
  const sig = createHmac("sha256", key).update(`${fileKey}\n${u.searchParams.get("exp")}\n${u.searchParams.get("name") ?? ""}`).digest("base64url");
  u.searchParams.set("sig", sig);
  return u;
}

describe("one derived key per purpose", () => {
  it("a download link signed with SESSION_SECRET itself, or with the checkout key, is refused", async () => {
    const t = await newTenant(api, "keys");
    const doc = (await upload(api, t.owner.token, { name: "cv.pdf", bytes: fixture("resume.pdf") })).body as unknown as TDocument;
    const { url } = (await rest(api, t.owner.token, "GET", `/documents/${doc.id}/download/`)).body as unknown as { url: string };
    expect((await fetch(url)).status).toBe(200);
    // Recomputing with the download key reproduces the real link: the test signs exactly what the api signs.
    expect((await fetch(resigned(url, purposeKey(api.deps.config.SESSION_SECRET, "downloadUrl")))).status).toBe(200);

    expect((await fetch(resigned(url, api.deps.config.SESSION_SECRET))).status).toBe(403);
    expect((await fetch(resigned(url, purposeKey(api.deps.config.SESSION_SECRET, "localCheckout")))).status).toBe(403);
  });

  it("a checkout session id signed with the download key is refused", async () => {
    const { config } = api.deps;
    const { sessionId } = stripeBillingService.signLocalSession(config.SESSION_SECRET, { accountId: "a", amountCents: 500, currency: "usd" }, new Date());
    expect(stripeBillingService.verifyLocalSession(config.SESSION_SECRET, sessionId, new Date()).amountCents).toBe(500);

    const body = sessionId.slice("cs_local_".length).split(".")[0] ?? "";
    for (const key of [config.SESSION_SECRET, purposeKey(config.SESSION_SECRET, "downloadUrl")]) {
      const forged = `cs_local_${body}.${createHmac("sha256", key).update(`atrium-local-checkout:${body}`).digest("base64url")}`;
      expect(() => stripeBillingService.verifyLocalSession(config.SESSION_SECRET, forged, new Date())).toThrow(ServiceError);
    }
  });
});
