import { PassThrough } from "node:stream";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../server.js";
import { startTestApi, type TestApi } from "../testing.js";
import { redactUrl } from "@atrium/core";

let api: TestApi;
let server: Server;
let url: string;
const lines: string[] = [];
beforeAll(async () => {
  api = await startTestApi();
  // The same app on the same deps, but logging JSON lines into memory at info.
  const sink = new PassThrough();
  sink.on("data", (b: Buffer) => lines.push(...b.toString().split("\n").filter(Boolean)));
  const app = createApp({ ...api.deps, logger: pino({ level: "info" }, sink) });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await api?.close();
});

const INVITATION = "inv_4kq2m9x7v3c8b1n6z5h0j2p4";
const RESET = "k3jd8fh2kd9shf72jd8sh3kd0s";
const SIG = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg";
const CHECKOUT = "cs_local_eyJhIjoiMDAwIiwiYyI6NTAwfQ.c2lnbmF0dXJlMTIzNDU2Nzg5MA";

describe("request logs", () => {
  it("never contain invitation tokens, reset tokens, download signatures or checkout ids", async () => {
    const requests = [
      `/api/v1/invitations/${INVITATION}/`,
      `/api/files/accounts/00000000-0000-4000-8000-000000000000/documents/cv.pdf?exp=1&sig=${SIG}&name=cv.pdf`,
      `/api/billing/local-checkout/${CHECKOUT}`,
      `/reset-password?token=${RESET}`,
      `/trpc/invitations.get?input=${encodeURIComponent(JSON.stringify({ token: INVITATION }))}`,
      `/api/admin/users/?q=alice&invitation=${INVITATION}`,
    ];
    for (const path of requests) await (await fetch(`${url}${path}`)).body?.cancel();
    // pino-http writes its line when the response finishes, which can be just after the client has it.
    const requestLines = () => lines.map((l) => JSON.parse(l) as { req?: { url?: string } }).filter((l) => l.req?.url);
    for (let i = 0; i < 100 && requestLines().length < requests.length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(requestLines().length).toBeGreaterThanOrEqual(requests.length);
    const log = lines.join("\n");
    for (const secret of [INVITATION, RESET, SIG, CHECKOUT, encodeURIComponent(INVITATION)]) expect(log).not.toContain(secret);
    // What is safe stays readable: paths, ids, harmless parameters.
    expect(log).toContain("/api/files/accounts/00000000-0000-4000-8000-000000000000/documents/cv.pdf?exp=1&sig=[redacted]&name=cv.pdf");
    expect(log).toContain("/api/admin/users/?q=alice&invitation=[redacted]");
  });
});

describe("redactUrl", () => {
  it("keeps words, ids and short values", () => {
    expect(redactUrl("/api/v1/organizations/6f1c2a9e-1d2b-4c3d-8e9f-0a1b2c3d4e5f/members/?limit=20")).toBe(
      "/api/v1/organizations/6f1c2a9e-1d2b-4c3d-8e9f-0a1b2c3d4e5f/members/?limit=20",
    );
    expect(redactUrl("/api/auth/password/reset/confirm/")).toBe("/api/auth/password/reset/confirm/");
  });
});
