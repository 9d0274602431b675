import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@atrium/config";
import { createJobQueues, DATA_JOBS, QUEUES, type JobQueues } from "@atrium/core/queues";
import { testInfraUrls, testRedisPrefix } from "@atrium/db/testing";
import { maintenanceQueue } from "./queues/maintenance.queue.js";
import { upsertSchedules } from "./schedules.js";

let connection: Redis;
let jobs: JobQueues;
beforeAll(() => {
  connection = new Redis(testInfraUrls().redisUrl, { maxRetriesPerRequest: null });
  jobs = createJobQueues({ connection, prefix: testRedisPrefix() });
});
afterAll(async () => {
  await jobs.close();
  connection.disconnect();
});

const schedulers = async () => (await jobs.queue(QUEUES.maintenance).getJobSchedulers()).map((s) => ({ key: s.key, pattern: s.pattern ?? null }));

describe("worker schedules", () => {
  it("runs backups on BACKUP_CRON (UTC) only while it is set", async () => {
    const base = { NODE_ENV: "test", LOG_LEVEL: "silent" };
    await upsertSchedules(jobs, [maintenanceQueue], loadConfig(base));
    expect((await schedulers()).map((s) => s.key)).not.toContain(DATA_JOBS.backup);

    await upsertSchedules(jobs, [maintenanceQueue], loadConfig({ ...base, BACKUP_CRON: "0 3 * * *" }));
    expect(await schedulers()).toContainEqual({ key: DATA_JOBS.backup, pattern: "0 3 * * *" });

    await upsertSchedules(jobs, [maintenanceQueue], loadConfig(base));
    const after = (await schedulers()).map((s) => s.key);
    expect(after).not.toContain(DATA_JOBS.backup);
    expect(after.length).toBe(maintenanceQueue.schedules(loadConfig(base)).length);
  });
});
