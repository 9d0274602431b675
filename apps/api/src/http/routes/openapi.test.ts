import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../testing.js";

type Operation = { operationId?: string; security?: Record<string, string[]>[]; description?: string; parameters?: { name: string; in: string }[] };
type Doc = { paths: Record<string, Record<string, Operation>> };

let api: TestApi;
let doc: Doc;
beforeAll(async () => {
  api = await startTestApi();
  doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as Doc;
});
afterAll(() => api.close());

const operations = () => Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
const operation = (method: string, path: string) => doc.paths[path]?.[method.toLowerCase()];

describe("the OpenAPI document's security", () => {
  // What a generated client or a validating proxy must let through without a token.
  const PUBLIC = [
    ["POST", "/auth/token"],
    ["POST", "/auth/login"],
    ["POST", "/auth/signup"],
    ["POST", "/auth/password/reset"],
    ["POST", "/auth/password/reset/confirm"],
    ["POST", "/auth/email/verify"],
    ["GET", "/invitations/{token}"],
    ["POST", "/notifications/unsubscribe"],
    ["POST", "/billing/webhook"],
    ["GET", "/public/postings"],
    ["GET", "/public/{accountSlug}/postings"],
    ["GET", "/public/{accountSlug}/postings/{postingId}"],
  ] as const;

  it("marks the operations that need no session `security: []`", () => {
    for (const [method, path] of PUBLIC) expect(operation(method, path)?.security, `${method} ${path}`).toEqual([]);
  });

  it("declares security on every operation, bearer exactly where a session is required", () => {
    const publicOps = operations().filter(({ op }) => op.security?.length === 0);
    expect(operations().filter(({ op }) => !Array.isArray(op.security))).toEqual([]);
    expect(operation("POST", "/auth/logout")?.security).toEqual([{ bearer: [] }]);
    expect(operation("PATCH", "/admin/users/{id}")?.security).toEqual([{ bearer: [] }]);
    // Public beyond the list above: only the signed file link.
    const listed = new Set(PUBLIC.map(([m, p]) => `${m} ${p}`));
    expect(publicOps.map(({ method, path }) => `${method} ${path}`).filter((k) => !listed.has(k))).toEqual(["GET /files/{key}"]);
  });

  it("is true to the server: each public procedure answers an anonymous call without a 401", async () => {
    for (const { method, path } of operations().filter(({ op, path }) => op.security?.length === 0 && !path.startsWith("/files") && !path.includes("webhook"))) {
      const url = `${api.url}/api${path.replace("{token}", "no-such-token")}/`;
      const res = await fetch(url, method === "GET" ? {} : { method, headers: { "content-type": "application/json" }, body: "{}" });
      expect(res.status, `${method} ${path}`).not.toBe(401);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
    }
  });
});
