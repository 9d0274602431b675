import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantCredit, homeAccountOf } from "@atrium/testing/e2e";
import { e2eSuite, shot as screenshot } from "./harness.js";

const SPOKEN = "Thank you for having me. I loved leading the move to Kubernetes and I am excited about this team.";

/** A stand-in speech-to-text provider speaking OpenAI's /audio/transcriptions (multipart in, JSON out). */
let provider: Server;
const heard: string[] = [];
// Read by the suite's own beforeAll (registered below, so it runs after this one has set the URL).
const env: Record<string, string> = { RATE_LIMIT_ENABLED: "false" };
beforeAll(async () => {
  provider = createServer((req, res) => {
    heard.push(`${req.method} ${req.url} ${req.headers["content-type"]?.split(";")[0]}`);
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ text: SPOKEN }));
    });
  });
  await new Promise<void>((r) => provider.listen(0, "127.0.0.1", r));
  env.TRANSCRIPTION_BASE_URL = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => provider.close(() => r())));

const suite = e2eSuite({ dataDir: true, worker: true, env });
const { stack, baseUrl } = suite;
let page: Page;

/** 75 seconds of silence as a real WAV (8 kHz, 8-bit, mono). */
function wav(seconds: number): Buffer {
  const data = Buffer.alloc(8000 * seconds, 128);
  const h = Buffer.alloc(44);
  h.write("RIFF", 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write("WAVEfmt ", 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(8000, 24);
  h.writeUInt32LE(8000, 28);
  h.writeUInt16LE(1, 32);
  h.writeUInt16LE(8, 34);
  h.write("data", 36);
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

beforeAll(async () => {
  page = await suite.newPage({ width: 1280, height: 900 });
});

describe("interview transcription in the SPA", () => {
  it("uploads a recording, transcribes it from the run-analysis form and shows the transcript, summary and length", async () => {
    const accountId = await homeAccountOf(stack(), "admin");
    await grantCredit(stack(), { accountId, amountCents: 2000, idempotencyKey: "e2e-stt-credit", reason: "e2e opening credit" });
    await suite.signIn(page);
    await page.goto(`${baseUrl()}/documents`);
    // With a provider configured the upload card takes recordings, and says so.
    await page.getByTestId("dropzone").getByText("or a recording (MP3, WAV, M4A, OGG, FLAC)", { exact: false }).waitFor();
    const file = join(suite.dataDir(), "interview.wav");
    writeFileSync(file, wav(75));
    await page.getByTestId("dropzone").locator("input[type=file]").setInputFiles(file);
    await page.getByTestId("staged-file").waitFor();
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    const row = page.getByTestId("document-row").filter({ hasText: "interview.wav" });
    await row.waitFor();

    await row.getByRole("button", { name: /Run analysis/ }).click();
    const dialog = page.getByRole("dialog", { name: "Run analysis" });
    // Opened from a recording: transcription, with the recording picked.
    expect(await dialog.getByRole("radio", { name: /Interview transcription/ }).isChecked()).toBe(true);
    await expect.poll(() => dialog.getByRole("combobox", { name: "Recording" }).inputValue()).toBe("interview.wav");
    await dialog.getByTestId("estimate").waitFor();
    await expect.poll(() => dialog.getByRole("button", { name: "Run" }).isEnabled()).toBe(true);
    await dialog.getByRole("button", { name: "Run" }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await page.locator("[data-testid=job-status][data-status=success]").first().waitFor({ timeout: 30_000 });

    expect(await page.getByTestId("transcript-text").textContent()).toBe(SPOKEN);
    expect(await page.getByTestId("transcript-duration").textContent()).toBe("1:15 of audio");
    expect(await page.getByTestId("result-summary").textContent()).toContain("Kubernetes");
    await page.getByTestId("result-sentiment").waitFor();
    expect(heard).toEqual(["POST /v1/audio/transcriptions multipart/form-data"]);
    await screenshot(page, "transcription", { fullPage: true });

    // The transcript is the recording's text now.
    await page.getByTestId("job-document-link").filter({ hasText: "interview.wav" }).click();
    await page.getByTestId("document-text").filter({ hasText: "leading the move to Kubernetes" }).waitFor();
  });
});
