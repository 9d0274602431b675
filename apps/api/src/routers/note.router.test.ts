import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../testing.js";
import type { Transport } from "../test-transports.js";
import { bearer, call, IDENTITY_TEST_ENV, signUpUser, tokenFor } from "./identity.test-helpers.js";

const noteRoutes = {
  list: { method: "GET", rest: "/api/notes/", trpc: "notes.list", kind: "query" },
  create: { method: "POST", rest: "/api/notes/", trpc: "notes.create", kind: "mutation" },
  delete: { method: "DELETE", rest: "/api/notes/{id}/", trpc: "notes.delete", kind: "mutation" },
} as const;

let api: TestApi;
let staff: string;
beforeAll(async () => {
  api = await startTestApi(IDENTITY_TEST_ENV);
  staff = await tokenFor(api, "admin", "admin123");
});
afterAll(async () => {
  await api.close();
});

describe.each<Transport>(["rest", "trpc"])("notes over %s", (transport) => {
  it("writes, lists and deletes your own notes; others' notes answer like unknown ones", async () => {
    const created = await call(api.url, transport, noteRoutes.create, { body: `  hello ${transport} ` }, bearer(staff));
    expect(created.status).toBe(200);
    const note = created.data as { id: string; body: string };
    expect(note.body).toBe(`hello ${transport}`);

    const other = await signUpUser(api, staff, `noter_${transport}`);
    const theirs = await call(api.url, transport, noteRoutes.list, undefined, bearer(other.token));
    expect((theirs.data as { items: unknown[] }).items).toEqual([]);
    expect((await call(api.url, transport, noteRoutes.delete, { id: note.id }, bearer(other.token))).status).toBe(404);

    const deleted = await call(api.url, transport, noteRoutes.delete, { id: note.id }, bearer(staff));
    expect(deleted.status).toBe(200);
    const mine = await call(api.url, transport, noteRoutes.list, undefined, bearer(staff));
    expect((mine.data as { items: Array<{ id: string }> }).items.map((n) => n.id)).not.toContain(note.id);
  });

  it("refuses an empty note with a field error", async () => {
    const bad = await call(api.url, transport, noteRoutes.create, { body: "   " }, bearer(staff));
    expect(bad.status).toBe(400);
    expect(bad.error?.fieldErrors?.body).toEqual(["Write something"]);
  });
});
