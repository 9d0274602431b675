import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, loadConfig } from "@atrium/config";
import { createTestDatabase, testInfraUrls, testRedisPrefix, type TestDatabase } from "@atrium/db/testing";
import type { Actor, ServiceContext } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";
import * as backupAdminService from "./backup-admin.service.js";
import { createBackup } from "./backup.service.js";
import { createRedisRealtimePublisher, realtimeKey } from "../realtime/realtime-redis.service.js";
import { STAFF_TOPIC } from "../realtime/realtime.schema.js";
import { storageFromConfig } from "../storage/index.js";

// The staff check lives in the service: a caller that skipped the api's staffProcedure (a raw route, the worker, a script) is still refused.

let db: TestDatabase;
let ctx: ServiceContext;
let dataDir: string;
beforeAll(async () => {
  const infra = testInfraUrls();
  db = await createTestDatabase(infra.pgAdminUrl);
  dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-backup-admin-"));
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: db.url, REDIS_URL: infra.redisUrl, REDIS_PREFIX: testRedisPrefix(), DATA_DIR: dataDir });
  ctx = { db: db.db, config, logger: createLogger(config, "backup-admin-test"), now: () => new Date() };
});
afterAll(async () => {
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

const member: Actor = { userId: "00000000-0000-4000-8000-000000000001", username: "member", accountId: null, isStaff: false };
const staff: Actor = { ...member, username: "staff", isStaff: true };
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof ServiceError ? e.code : String(e)));

describe("backup admin services", () => {
  it("refuse anyone but staff, before looking at the backup folder", async () => {
    const id = "atrium-20260101T000000000Z";
    expect(await codeOf(backupAdminService.listBackups(ctx, member))).toBe("FORBIDDEN");
    expect(await codeOf(backupAdminService.backupFolder(ctx, member, id))).toBe("FORBIDDEN");
    expect(await codeOf(backupAdminService.verify(ctx, member, id, null))).toBe("FORBIDDEN");
    expect(await codeOf(backupAdminService.requestBackup(ctx, member))).toBe("FORBIDDEN");
    // Staff get past the check: the list answers, a missing backup is not found.
    expect(await codeOf(backupAdminService.listBackups(ctx, staff))).toBe("ok");
    expect(await codeOf(backupAdminService.backupFolder(ctx, staff, id))).toBe("NOT_FOUND");
  });

  it("a backup tells staff's streams when it starts and when it is written", async () => {
    const redis = new Redis(testInfraUrls().redisUrl);
    try {
      const live = { ...ctx, realtime: createRedisRealtimePublisher(redis, ctx.config.REDIS_PREFIX) };
      const { id } = await createBackup(live, { storage: storageFromConfig(ctx.config) });
      const entries = await redis.xrange(realtimeKey(ctx.config.REDIS_PREFIX, STAFF_TOPIC), "-", "+");
      const events = entries.map(([, fields]) => (JSON.parse(fields[1] ?? "{}") as { event: unknown }).event);
      expect(events).toEqual([
        { type: "system.backup.changed", backupId: id },
        { type: "system.backup.changed", backupId: id },
      ]);
    } finally {
      await redis.del(realtimeKey(ctx.config.REDIS_PREFIX, STAFF_TOPIC));
      redis.disconnect();
    }
  });
});
