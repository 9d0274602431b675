import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../testing.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${api.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

describe("REST auth", () => {
  it("issues a token that /api/me/ accepts", async () => {
    const res = await post("/api/auth/token/", { username: "admin", password: "admin123" });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const me = await fetch(`${api.url}/api/me/`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe("admin");
  });

  it("answers a wrong password exactly like an unknown user", async () => {
    const wrong = await post("/api/auth/token/", { username: "admin", password: "nope" });
    const unknown = await post("/api/auth/token/", { username: "ghost", password: "nope" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(((await wrong.json()) as { message: string }).message).toBe(((await unknown.json()) as { message: string }).message);
  });

  it("rejects bad input with field errors", async () => {
    const res = await post("/api/auth/token/", { username: "", password: 5 });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { data: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(body.data.fieldErrors).sort()).toEqual(["password", "username"]);
  });
});
