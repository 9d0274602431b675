import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../testing.js";
import { call, routes, type Transport } from "../../test-transports.js";
import { rawRequest } from "./raw-http.test-helpers.js";
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from "./body-limits.js";

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const LOGIN_PATH: Record<Transport, string> = { trpc: "/trpc/auth.login", rest: "/api/auth/login/" };
const post = (transport: Transport, headers: string[]) => [`POST ${LOGIN_PATH[transport]} HTTP/1.1`, "Content-Type: application/json", ...headers].join("\r\n");
const errorCode = (transport: Transport, body: string): string => {
  const json = JSON.parse(body) as { code?: string; error?: { data?: { code?: string } } };
  return (transport === "trpc" ? json.error?.data?.code : json.code) ?? "";
};

async function loginWith(transport: Transport, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${api?.url}${LOGIN_PATH[transport]}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const text = await res.text();
  return { status: res.status, code: errorCode(transport, text), text };
}

describe.each<Transport>(["trpc", "rest"])("JSON bodies over %s", (transport) => {
  it("answers a declared 20 MB body with 413 without reading it", async () => {
    api = await startTestApi();
    // Only the headers are sent: an api that reads before checking would wait for the 20 MB forever.
    const res = await rawRequest(api.url, post(transport, [`Content-Length: ${20 * 1024 * 1024}`]));
    expect(res?.status).toBe(413);
    expect(errorCode(transport, res?.body ?? "{}")).toBe("PAYLOAD_TOO_LARGE");
  });

  it("stops a chunked body at MAX_JSON_BODY_BYTES", async () => {
    api = await startTestApi({ MAX_JSON_BODY_BYTES: "65536" });
    const chunk = Buffer.from(" ".repeat(16 * 1024));
    const chunked = function* () {
      yield `${Buffer.from('{"username":"admin","password":"x"').length.toString(16)}\r\n{"username":"admin","password":"x"\r\n`;
      for (let i = 0; i < 64; i++) yield Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
      yield "1\r\n}\r\n0\r\n\r\n";
    };
    const res = await rawRequest(api.url, post(transport, ["Transfer-Encoding: chunked"]), chunked());
    expect(res?.status).toBe(413);
    // Under the limit, the same login works (padded with whitespace: an unknown key would be refused).
    expect((await loginWith(transport, `{"username":"admin","password":"admin123"${" ".repeat(30_000)}}`)).status).toBe(200);
  });

  it("charges the auth rate limit before reading the body", async () => {
    api = await startTestApi();
    for (let i = 0; i < 5; i++) expect((await loginWith(transport, JSON.stringify({ username: "admin", password: `wrong-${i}` }))).status).toBe(401);
    // A sixth login announces a body and never sends it: the 429 must not wait for it.
    const res = await rawRequest(api.url, post(transport, ["Content-Length: 64"]));
    expect(res?.status).toBe(429);
    expect(Number(res?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(errorCode(transport, res?.body ?? "{}")).toBe("TOO_MANY_REQUESTS");
  });

  it("refuses compressed bodies (a 10 MB gzip bomb in 10 kB)", async () => {
    api = await startTestApi();
    const bomb = gzipSync(Buffer.from(`{"username":"admin","password":"admin123","pad":"${"a".repeat(10 * 1024 * 1024)}"}`));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await fetch(`${api.url}${LOGIN_PATH[transport]}`, { method: "POST", headers: { "content-type": "application/json", "content-encoding": "gzip" }, body: bomb });
    expect(res.status).toBe(415);
    expect(errorCode(transport, await res.text())).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("answers deeply nested JSON with a clear 400", async () => {
    api = await startTestApi();
    const depth = 20_000;
    const r = await loginWith(transport, `{"username":"admin","password":"x","x":${"[".repeat(depth)}${"]".repeat(depth)}}`);
    expect(r.status).toBe(400);
    expect(r.text).toContain(`nests deeper than ${MAX_JSON_DEPTH} levels`);
    // Ordinary nesting is fine.
    expect((await call(api.url, transport, routes.login, { username: "admin", password: "admin123" })).status).toBe(200);
  });
});

describe("jsonNestsDeeperThan", () => {
  it("counts brackets outside strings only", () => {
    expect(jsonNestsDeeperThan(`{"a":[[1]]}`, 3)).toBe(false);
    expect(jsonNestsDeeperThan(`{"a":[[[1]]]}`, 3)).toBe(true);
    expect(jsonNestsDeeperThan(`{"a":"[[[[\\"[[[["}`, 1)).toBe(false);
  });
});
