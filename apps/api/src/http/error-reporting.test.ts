import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushErrorReports, startErrorReporting } from "@atrium/config";
import { startTestApi, type TestApi } from "../testing.js";

// A stand-in for Sentry's ingest endpoint: the HTTP boundary, where envelopes arrive.
const envelopes: string[] = [];
let sentry: Server;
let api: TestApi;
beforeAll(async () => {
  sentry = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      envelopes.push((req.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString());
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => sentry.listen(0, "127.0.0.1", resolve));
  const dsn = `http://publickey@127.0.0.1:${(sentry.address() as AddressInfo).port}/7`;
  // Error level: a LOG_LEVEL that mutes errors mutes their reports too.
  api = await startTestApi({ SENTRY_DSN: dsn, LOG_LEVEL: "error", RATE_LIMIT_ENABLED: "false" });
  await startErrorReporting(api.deps.config, "api-test");
});
afterAll(async () => {
  await api?.close();
  await new Promise((r) => sentry?.close(r));
});

describe("SENTRY_DSN", () => {
  it("sends a failing procedure's error to Sentry, and only a generic message to the caller", async () => {
    const login = await fetch(`${api.url}/api/auth/token/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin", password: "admin123" }) });
    const { token } = (await login.json()) as { token: string };
    // A real fault underneath a procedure: its table is gone.
    await api.deps.db.execute(sql`drop table api_keys cascade`);

    const res = await fetch(`${api.url}/api/api-keys/`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("api_keys");

    await flushErrorReports();
    const event = envelopes.find((e) => e.includes('"type":"event"') && e.includes('relation \\"api_keys\\" does not exist'));
    expect(event, envelopes.join("\n---\n").slice(0, 2000)).toBeDefined();
    expect(event).toContain('"service":"api-test"');
  });
});
