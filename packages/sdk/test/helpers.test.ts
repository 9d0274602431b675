import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@atrium/config";
import { startTestApi, type TestApi } from "@atrium/testing/api";
import { startWorker, type RunningWorker } from "@atrium/testing/api";
import { AtriumError, createClient, downloadDocument, paginate, uploadDocument, waitForJob, type AtriumClient, type JobEvent, type UploadProgress } from "../src/index.js";

const FIXTURES = fileURLToPath(new URL("../../core/test-fixtures/", import.meta.url));
let api: TestApi;
let worker: RunningWorker;
let dir: string;
let token: string;
let client: AtriumClient;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-sdk-helpers-"));
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false", DATA_DIR: path.join(dir, "data") }, { publicUrlIsSelf: true });
  const { config, db } = api.svc;
  worker = await startWorker({ config, db, redisUrl: config.REDIS_URL ?? "", logger: createLogger(config, "worker-test"), now: () => new Date() });
  token = (await createClient({ baseUrl: api.url }).auth.token.mutate({ username: "admin", password: "admin123" })).token;
  client = createClient({ baseUrl: api.url, token });
});
afterAll(async () => {
  await worker?.stop();
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const target = () => ({ baseUrl: api.url, token });

describe("uploadDocument / downloadDocument", () => {
  it("streams a file from disk with progress, and a Buffer and a Blob; the bytes come back the same", async () => {
    const file = path.join(FIXTURES, "resume.pdf");
    const progress: UploadProgress[] = [];
    const size = statSync(file).size;
    const fromStream = await uploadDocument(target(), createReadStream(file, { highWaterMark: 64 }), { filename: "resume.pdf", kind: "resume", size, onProgress: (p) => progress.push(p) });
    expect(fromStream).toMatchObject({ filename: "resume.pdf", kind: "resume", mimeType: "application/pdf", sizeBytes: size });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toEqual({ loaded: size, total: size });
    expect(progress.map((p) => p.loaded)).toEqual([...progress.map((p) => p.loaded)].sort((a, b) => a - b));

    const text = Buffer.from("Worklog\n- shipped the SDK helpers\n");
    const fromBuffer = await uploadDocument(target(), text, { filename: 'notes "q".txt', kind: "worklog" });
    expect(fromBuffer).toMatchObject({ filename: "notes %22q%22.txt", sizeBytes: text.length });
    const fromBlob = await uploadDocument(target(), new File([text], "blob.txt", { type: "text/plain" }));
    expect(fromBlob).toMatchObject({ filename: "blob.txt", kind: "other" });

    const { filename, body } = await downloadDocument(client, target(), fromStream.id);
    expect(filename).toBe("resume.pdf");
    expect(Buffer.from(await new Response(body).arrayBuffer()).equals(readFileSync(file))).toBe(true);
  });

  it("fails with an AtriumError naming the problem", async () => {
    const err = await uploadDocument(target(), Buffer.from("x"), { kind: "nonsense" as "other" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AtriumError);
    expect(err).toMatchObject({ status: 400, fieldErrors: { kind: [expect.any(String)] } });
    const anonymous = await uploadDocument({ baseUrl: api.url }, Buffer.from("x")).catch((e: unknown) => e);
    expect(anonymous).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
  });
});

describe("paginate", () => {
  it("walks every page of a cursor list, fetching lazily", async () => {
    for (let i = 0; i < 3; i++) await uploadDocument(target(), Buffer.from(`page test ${i}\n`), { filename: `p${i}.txt`, kind: "property" });
    const pages: Array<string | undefined> = [];
    const list = (input: { kind?: "property"; limit?: number; cursor?: string }) => {
      pages.push(input.cursor);
      return client.documents.list.query(input);
    };
    const names: string[] = [];
    for await (const doc of paginate(list, { kind: "property", limit: 2 })) names.push(doc.filename);
    expect(names).toEqual(["p2.txt", "p1.txt", "p0.txt"]);
    expect(pages).toHaveLength(2);

    pages.length = 0;
    for await (const doc of paginate(list, { kind: "property", limit: 2 })) if (doc) break;
    expect(pages).toHaveLength(1);
    const all: string[] = [];
    for await (const doc of paginate(client.documents.list, { kind: "property", limit: 1 })) all.push(doc.filename);
    expect(all).toEqual(names);
  });
});

describe("waitForJob", () => {
  it("emits each timeline event once, in order, and resolves with the finished job", async () => {
    const me = await client.auth.me.query();
    await client.billing.admin.adjust.mutate({ tenantId: me.account?.id ?? "", amountCents: 500, reason: "waitForJob test credit" });
    const doc = await uploadDocument(target(), readFileSync(path.join(FIXTURES, "resume.pdf")), { filename: "resume.pdf", kind: "resume" });
    const job = await client.jobs.create.mutate({ type: "document_analysis", input: { documentId: doc.id } });
    const events: JobEvent[] = [];
    const finished = await waitForJob(client, job.id, { intervalMs: 50, onEvent: (e) => events.push(e) });
    expect(finished).toMatchObject({ id: job.id, status: "success" });
    expect(events[0]?.type).toBe("job.queued");
    expect(events.at(-1)?.type).toBe("job.succeeded");
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
    const all = await client.jobs.events.query({ id: job.id, afterSeq: 0 });
    expect(seqs).toEqual(all.items.map((e) => e.seq));
  }, 60_000);
});
