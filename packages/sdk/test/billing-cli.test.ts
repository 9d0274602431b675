import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ACCOUNT, verifyLedger } from "@atrium/core";
import { startTestApi, type TestApi } from "@atrium/testing/api";
import { runAtrium } from "./cli-harness.js";

let api: TestApi;
let dir: string;
let tenantId: string;

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-billing-cli-"));
  const account = await api.svc.db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.slug, DEFAULT_ACCOUNT.slug) });
  if (!account) throw new Error("no default account");
  tenantId = account.id;
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const atrium = (args: string[], stdin?: string) => runAtrium(path.join(dir, "config.json"), args, { stdin });

describe("atrium billing", () => {
  it("lists the price table and sets a price; the server's field message reaches the user", async () => {
    expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);
    const listed = await atrium(["billing", "prices"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/compute:resume_match\s+\S+ ¢ per job run/);
    const set = await atrium(["billing", "set-price", "--item", "compute:worklog_summary", "--unit", "job run", "--millicents", "1500"]);
    expect(set.stderr).toBe("");
    expect(set.stdout).toBe("compute:worklog_summary now costs 1.5 ¢ per job run.\n");
    const json = JSON.parse((await atrium(["billing", "prices", "--json"])).stdout) as { items: Array<{ item: string; unit: string; unitPriceMillicents: number }> };
    expect(json.items.find((p) => p.item === "compute:worklog_summary" && p.unit === "job run")?.unitPriceMillicents).toBe(1500);
    const bad = await atrium(["billing", "set-price", "--item", "compute:worklog_summary", "--unit", "parsec", "--millicents", "1"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("Unit must be one of");
  });

  it("adjusts a tenant's reserve with a reason and shows the balance", async () => {
    expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);

    const adjusted = await atrium(["billing", "adjust", "--tenant", tenantId, "--amount-cents", "2550", "--reason", "Promotional credit", "--idempotency-key", "cli-promo-1"]);
    expect(adjusted.stderr).toBe("");
    expect(adjusted.code).toBe(0);
    expect(adjusted.stdout).toMatch(/^Adjusted \$25\.50 — balance \$0\.00 → \$25\.50 \(entry [0-9a-f-]{36}\)\.\n$/);
    const replay = await atrium(["billing", "adjust", "--tenant", tenantId, "--amount-cents", "2550", "--reason", "Promotional credit", "--idempotency-key", "cli-promo-1"]);
    expect(replay.stdout).toMatch(/^Already applied/);

    const debit = await atrium(["billing", "adjust", "--tenant", tenantId, "--amount-cents", "-50", "--reason", "Correction", "--json"]);
    expect(JSON.parse(debit.stdout)).toMatchObject({ newBalanceCents: 2500, applied: true, entry: { amountCents: -50, reason: "Correction", actorUsername: "admin" } });

    const balance = await atrium(["billing", "balance"]);
    expect(balance.code).toBe(0);
    expect(balance.stdout).toContain("balance:   $25.00 (2500 cents)");
    expect(balance.stdout).toContain("policy:    block, low below $10.00");
    const json = await atrium(["billing", "balance", "--account", tenantId, "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ accountId: tenantId, balanceCents: 2500, balanceDollars: 25, currency: "USD", isLow: false });
    expect(await verifyLedger(api.svc.db, tenantId)).toEqual([]);
  });

  it("refuses an adjustment without a reason or with a bad amount before calling the api", async () => {
    const noReason = await atrium(["billing", "adjust", "--tenant", tenantId, "--amount-cents", "100"]);
    expect(noReason.code).not.toBe(0);
    expect(noReason.stderr).toMatch(/--reason <text>' not specified/);
    const zero = await atrium(["billing", "adjust", "--tenant", tenantId, "--amount-cents", "0", "--reason", "x"]);
    expect(zero.code).not.toBe(0);
    expect(zero.stderr).toMatch(/non-zero whole number of cents/);
    const blank = await atrium(["billing", "adjust", "--tenant", tenantId, "--amount-cents", "5", "--reason", " "]);
    expect(blank).toMatchObject({ code: 1, stderr: expect.stringContaining("reason: A reason is required") });
  });
});
