// The CLI tests' real api (named testing.ts: the one name outside *.test.ts the import rules let reach
// @atrium/testing); the in-process CLI runner itself is cli-harness.ts.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startTestApi, type TestApi, type TestApiOptions } from "@atrium/testing/api";
import { createClient } from "../src/index.js";
import { runAtrium } from "./cli-harness.js";

type ApiEnv = Parameters<typeof startTestApi>[0];
type Rows = Array<Record<string, unknown>>;

/**
 * One real api for a CLI test file: a temporary folder (each login's config file, the api's
 * DATA_DIR) and the api on a free port, both started before the file's tests and gone after.
 * Read `api` and `dir` inside tests (they exist once beforeAll has run).
 */
export function cliStack(name: string, env: ApiEnv = {}, options?: TestApiOptions) {
  let api: TestApi | undefined;
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), `atrium-${name}-cli-`));
    api = await startTestApi({ RATE_LIMIT_ENABLED: "false", DATA_DIR: path.join(dir, "data"), ...env }, options);
  });
  afterAll(async () => {
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const live = (): TestApi => {
    if (!api) throw new Error("the api starts in beforeAll");
    return api;
  };
  const stack = {
    get api() {
      return live();
    },
    get dir() {
      return dir;
    },
    /** The CLI as the login kept in `config` (a file name in the folder). */
    atrium: (config: string, args: string[], stdin?: string) => runAtrium(path.join(dir, config), args, { stdin }),
    /** `atrium login` into `config`; returns its result (code 0 when it worked). */
    login: (config: string, username: string, password: string) => stack.atrium(config, ["login", "--url", live().url, "-u", username, "--password-stdin"], `${password}\n`),
    /** The SDK's client signed in as that user. */
    client: async (username: string, password: string) =>
      createClient({ baseUrl: live().url, token: (await createClient({ baseUrl: live().url }).auth.token.mutate({ username, password })).token }),
    /** Signs a user up through the api (their own personal account; needs SIGNUP_MODE=open). */
    signup: (username: string, password: string) => createClient({ baseUrl: live().url }).auth.signup.mutate({ username, email: `${username}@example.test`, password }),
    /** Rows straight in or out (what a test seeds that other parts' tests cover). */
    sql: async (query: string, params: unknown[] = []): Promise<Rows> => (await (live().deps.db as unknown as { $client: { query: (q: string, p: unknown[]) => Promise<{ rows: Rows }> } }).$client.query(query, params)).rows,
  };
  return stack;
}
