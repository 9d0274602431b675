// Resolves the databases for dev: external servers when DATABASE_URL/REDIS_URL
// are set, otherwise embedded Postgres and a local redis-server under .data/.
import path from "node:path";
import { loadConfig, createLogger } from "@atrium/config";
import { createDb, migrateDb } from "@atrium/db";
import { startEmbeddedPostgres, startRedisServer } from "@atrium/db/embedded";
import { bootstrap } from "@atrium/core";

export interface Stack {
  databaseUrl: string;
  redisUrl: string;
  stop: () => Promise<void>;
}

export async function startStack(log: (msg: string) => void = console.log): Promise<Stack> {
  const config = loadConfig();
  const dataDir = path.resolve(config.DATA_DIR);
  const stops: Array<() => Promise<void>> = [];

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: 54329 });
    await pg.createDatabase("atrium");
    databaseUrl = pg.urlFor("atrium");
    stops.push(pg.stop);
    log(`embedded postgres on :${pg.port} (data in ${path.join(dataDir, "postgres")})`);
  }
  let redisUrl = config.REDIS_URL;
  if (!redisUrl) {
    const redis = await startRedisServer({ dataDir: path.join(dataDir, "redis"), port: 63799 });
    redisUrl = redis.url;
    stops.push(redis.stop);
    log(`redis-server on :${redis.port} (data in ${path.join(dataDir, "redis")})`);
  }

  await migrateDb(databaseUrl);
  const { db, close } = createDb(databaseUrl, { max: 1 });
  try {
    const result = await bootstrap({ db, config, logger: createLogger({ ...config, LOG_LEVEL: "warn" }, "bootstrap"), now: () => new Date() });
    if (result.createdAdmin) log(`created admin user "${config.BOOTSTRAP_ADMIN_USERNAME}"`);
  } finally {
    await close();
  }
  return {
    databaseUrl,
    redisUrl,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => {});
    },
  };
}
