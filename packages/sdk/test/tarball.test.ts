import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, startWorker, type RunningWorker, type TestApi } from "@atrium/testing/api";
import { createLogger } from "@atrium/config";
import { createClient } from "../src/index.js";

// The published artefact, end to end: build, pack, install into a project
// outside the workspace, then use the client, the CLI and the types there.
// Child processes are async: the api under test runs in this process.
const run = promisify(execFile);
const SDK_DIR = fileURLToPath(new URL("..", import.meta.url));
const ROOT = path.resolve(SDK_DIR, "../..");
const TSC = path.join(ROOT, "node_modules/.bin/tsc");

let tmp: string;
let consumer: string;
let manifest: Record<string, Record<string, string> | undefined>;
let packedFiles: string[];
let api: TestApi;
let worker: RunningWorker;
let token: string;

/** Builds and packs the sdk, then installs the tarball into a fresh project. */
async function packAndInstall(): Promise<void> {
  await run("pnpm", ["run", "build"], { cwd: SDK_DIR });
  await run("pnpm", ["pack", "--pack-destination", tmp], { cwd: SDK_DIR });
  const tarball = path.join(tmp, readdirSync(tmp).find((f) => f.endsWith(".tgz")) ?? "missing.tgz");
  const { stdout } = await run("tar", ["-xzOf", tarball, "package/package.json"]);
  manifest = JSON.parse(stdout);
  packedFiles = (await run("tar", ["-tzf", tarball])).stdout.trim().split("\n");
  consumer = path.join(tmp, "consumer");
  mkdirSync(consumer);
  writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await run("npm", ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd: consumer });
}

async function startApi(): Promise<void> {
  api = await startTestApi({ DATA_DIR: path.join(tmp, "data") });
  const { config, db } = api.svc;
  // The README's ESM example follows a job to its end: a worker runs it.
  worker = await startWorker({ config, db, redisUrl: config.REDIS_URL ?? "", logger: createLogger(config, "worker-test"), now: () => new Date() });
  const res = await fetch(`${api.url}/api/auth/token/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: "admin123" }),
  });
  token = ((await res.json()) as { token: string }).token;
  // Jobs are paid for from the reserve: staff credit the admin's tenant first.
  const client = createClient({ baseUrl: api.url, token });
  const me = await client.auth.me.query();
  await client.billing.admin.adjust.mutate({ tenantId: me.account?.id ?? "", amountCents: 500, reason: "README examples" });
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "atrium-sdk-tarball-"));
  await Promise.all([packAndInstall(), startApi()]);
}, 400_000);

afterAll(async () => {
  await worker?.stop();
  await api?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const inConsumer = (file: string, text: string) => writeFileSync(path.join(consumer, file), text);
const env = () => ({ ...process.env, API_URL: api.url, TOKEN: token });

describe("the packed @atrium/sdk", () => {
  it("depends on nothing from the workspace", () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toContain("workspace:");
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
      expect(Object.keys(manifest[field] ?? {}).filter((d) => d.startsWith("@atrium/")), field).toEqual([]);
    }
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(["@trpc/client", "@trpc/server", "commander", "eventsource", "zod"]);
  });

  it("ships the build and nothing else", () => {
    expect(packedFiles.filter((f) => !/^package\/(dist\/|package\.json$|README\.md$)/.test(f))).toEqual([]);
    expect(packedFiles).toEqual(expect.arrayContaining(["package/dist/index.js", "package/dist/index.cjs", "package/dist/index.d.ts", "package/dist/cli.js"]));
  });

  it("ships declarations that import only its own dependencies", () => {
    const dist = path.join(consumer, "node_modules/@atrium/sdk/dist");
    const imported = new Set<string>();
    for (const file of readdirSync(dist).filter((f) => /\.d\.c?ts$/.test(f))) {
      for (const m of readFileSync(path.join(dist, file), "utf8").matchAll(/(?:from|import)\s+['"]([^'"]+)['"]/g)) {
        // A subpath (`@trpc/server/unstable-core-do-not-import`) belongs to its package.
        if (m[1] && !m[1].startsWith(".")) imported.add(m[1].split("/").slice(0, m[1].startsWith("@") ? 2 : 1).join("/"));
      }
    }
    expect([...imported].sort()).toEqual(["@trpc/client", "@trpc/server", "eventsource", "zod"]);
  });

  it("calls the api from an ESM script and from CommonJS", async () => {
    inConsumer(
      "me.mjs",
      `import { createClient } from "@atrium/sdk";
const me = await createClient({ baseUrl: process.env.API_URL, token: process.env.TOKEN }).auth.me.query();
console.log(me.user.username);`,
    );
    inConsumer(
      "contracts.cjs",
      `const { ZUser } = require("@atrium/sdk/contracts");
const { createClient } = require("@atrium/sdk");
console.log(typeof createClient, ZUser.safeParse({ username: 1 }).success);`,
    );
    expect((await run("node", ["me.mjs"], { cwd: consumer, env: env() })).stdout.trim()).toBe("admin");
    expect((await run("node", ["contracts.cjs"], { cwd: consumer })).stdout.trim()).toBe("function false");
  });

  it("runs the README's Node ESM and CommonJS examples as written", async () => {
    const readme = readFileSync(path.join(SDK_DIR, "README.md"), "utf8");
    const blocks = new Map([...readme.matchAll(/```js title="([^"]+)"\n([\s\S]*?)```/g)].map((m) => [m[1] ?? "", m[2] ?? ""]));
    expect([...blocks.keys()]).toEqual(["example.mjs", "example.cjs"]);
    for (const [file, code] of blocks) inConsumer(file, code);
    const exampleEnv = { ...process.env, ATRIUM_URL: api.url, ATRIUM_TOKEN: token };

    const esm = await run("node", ["example.mjs"], { cwd: consumer, env: exampleEnv, timeout: 60_000 });
    const lines = esm.stdout.trim().split("\n");
    expect(lines[0]).toBe("signed in as admin");
    expect(lines).toContain("uploaded 34 bytes");
    expect(lines).toContain("listed 1");
    expect(lines.filter((l) => l.startsWith("event "))[0]).toBe("event job.queued");
    expect(lines).toContain("event job.succeeded");
    expect(lines.at(-2)).toBe("job success");
    expect(lines.at(-1)).toBe("400 BAD_REQUEST amountDollars");

    const cjs = await run("node", ["example.cjs"], { cwd: consumer, env: exampleEnv });
    expect(cjs.stdout.trim().split("\n")).toEqual(["api keys: 0", "404 NOT_FOUND request identified"]);
  }, 90_000);

  it("installs a working `atrium` binary", async () => {
    const bin = path.join(consumer, "node_modules/.bin/atrium");
    const { stdout } = await run(bin, ["me", "--url", api.url, "--token", token, "--json"], { cwd: consumer, timeout: 15_000 });
    expect(JSON.parse(stdout)).toMatchObject({ user: { username: "admin" }, authMethod: "session" });

    const failed = await run(bin, ["me", "--url", api.url, "--token", "not-a-token"], { cwd: consumer }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 1, stdout: "" });
    expect((failed as { stderr: string }).stderr).toMatch(/^error: Authentication required/);
    expect((failed as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });

  it("typechecks a consumer with skipLibCheck off", async () => {
    inConsumer(
      "tsconfig.json",
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          // What tRPC's own declarations need (RequestInfo, Disposable); no @types/node.
          lib: ["ES2022", "ESNext.Disposable", "DOM"],
          module: "NodeNext",
          moduleResolution: "NodeNext",
          types: [],
          strict: true,
          skipLibCheck: false,
          noEmit: true,
        },
        files: ["consumer.ts"],
      }),
    );
    inConsumer(
      "consumer.ts",
      `import { AtriumError, createClient, paginate, uploadDocument, waitForJob, ZUser, type RouterInputs, type RouterOutputs } from "@atrium/sdk";
import { ZMeOutput } from "@atrium/sdk/contracts";

const client = createClient({ baseUrl: "http://localhost:1", token: "t" });
export async function main(): Promise<string> {
  const me = await client.auth.me.query();
  const username: string = me.user.username;
  const method: "session" | "api_key" = me.authMethod;
  // @ts-expect-error: users have no such property
  me.user.nope;
  const input: RouterInputs["apiKeys"]["create"] = { name: "ci" };
  const created: RouterOutputs["apiKeys"]["create"] = await client.apiKeys.create.mutate(input);
  // @ts-expect-error: a name is required
  await client.apiKeys.create.mutate({});
  const parsed: string = ZMeOutput.parse(me).user.id + ZUser.parse(me.user).email;
  for await (const doc of paginate(client.documents.list, { kind: "resume" })) {
    const name: string = doc.filename;
    // @ts-expect-error: documents have no such property
    doc.nope;
    void name;
  }
  const job = await waitForJob(client, "id", { onEvent: (e) => void e.seq.toFixed() });
  const uploaded = await uploadDocument({ baseUrl: "http://localhost:1" }, new Blob(["x"]), { kind: "other", onProgress: (p) => void p.loaded });
  try {
    await client.auth.me.query();
  } catch (err) {
    if (err instanceof AtriumError) return err.code + err.status + String(err.fieldErrors) + err.retryAfter + err.requestId;
  }
  return username + method + created.key + parsed + job.status + uploaded.id;
}
`,
    );
    const result = await run(TSC, ["-p", "."], { cwd: consumer }).catch((e: { stdout: string }) => e);
    expect(result.stdout).toBe("");
  }, 60_000);
});
