import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../testing.js";
import { newUser, rest } from "./tenancy.test-helpers.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ MAX_UPLOAD_MB: "3", TOPUP_MIN_DOLLARS: "7", TOPUP_MAX_DOLLARS: "450" });
});
afterAll(async () => {
  await api?.close();
});

describe("GET /api/limits/", () => {
  it("tells a signed-in user the configured upload size and top-up range; anonymous callers get 401", async () => {
    const user = await newUser(api, "limits-user");
    const res = await rest(api, user.token, "GET", "/limits/");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ maxUploadMb: 3, audioUploads: false, topupMinDollars: 7, topupMaxDollars: 450 });
    expect((await rest(api, null, "GET", "/limits/")).status).toBe(401);
  });
});
