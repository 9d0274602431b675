import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, routes, type Transport } from "../test-transports.js";

let api: TestApi;
let session: string;
beforeAll(async () => {
  api = await startTestApi();
  const r = await call(api.url, "rest", routes.token, { username: "admin", password: "admin123" });
  session = (r.data as { token: string }).token;
});
afterAll(async () => {
  await api.close();
});

type Created = { id: string; key: string; prefix: string };

describe.each<Transport>(["rest", "trpc"])("API keys over %s", (transport) => {
  it("creates a key shown once, stored only as a hash, that authenticates until revoked", async () => {
    const created = await call(api.url, transport, routes.createKey, { name: `ci ${transport}` }, bearer(session));
    expect(created.status).toBe(200);
    const { id, key, prefix } = created.data as Created;
    expect(key.startsWith(prefix)).toBe(true);

    const rows = await api.svc.db.select().from(schema.apiKeys);
    expect(JSON.stringify(rows)).not.toContain(key);

    const me = await call(api.url, transport, routes.me, undefined, bearer(key));
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({ user: { username: "admin" }, authMethod: "api_key" });

    const listed = await call(api.url, transport, routes.listKeys, undefined, bearer(session));
    const item = (listed.data as { items: Array<{ id: string; lastUsedAt: string | null } & Record<string, unknown>> }).items.find((k) => k.id === id);
    expect(item?.lastUsedAt).not.toBeNull();
    expect(item).not.toHaveProperty("key");

    const revoked = await call(api.url, transport, routes.revokeKey, { id }, bearer(session));
    expect(revoked.status).toBe(200);
    expect((revoked.data as { revokedAt: string | null }).revokedAt).not.toBeNull();
    expect((await call(api.url, transport, routes.me, undefined, bearer(key))).status).toBe(401);
  });

  it("rejects a nameless key with a field error and an unknown id with 404", async () => {
    const bad = await call(api.url, transport, routes.createKey, { name: "  " }, bearer(session));
    expect(bad.status).toBe(400);
    expect(bad.error?.fieldErrors?.name).toEqual(["Give the key a name"]);
    const missing = await call(api.url, transport, routes.revokeKey, { id: "00000000-0000-4000-8000-000000000000" }, bearer(session));
    expect(missing.status).toBe(404);
    const malformed = await call(api.url, transport, routes.revokeKey, { id: "nope" }, bearer(session));
    expect(malformed.status).toBe(400);
  });
});
