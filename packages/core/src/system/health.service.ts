import type { Redis } from "ioredis";
import { migrationStatus, type Db } from "@atrium/db";
import type { ServiceContext } from "../shared/context.js";
import type { EmailTransport } from "../email/transport.service.js";
import type { Storage } from "../storage/storage.service.js";
import { QUEUES, type QueueName } from "../jobs/queues.js";
import { newestBackup } from "../data-safety/backup-catalog.js";
import { listHeartbeats } from "./heartbeat.service.js";
import type { THealthCheck, THealthStatus, TSystemHealth } from "./health.schema.js";
import { probe, probePostgres, probeStorage, type ProbeResult } from "./probe.service.js";

export interface HealthDeps {
  /** A fail-fast client (no offline queue), so a Redis outage answers at once instead of at the timeout. */
  redis: Redis;
  storage: Storage;
  emailTransport: EmailTransport;
}

type Check = THealthCheck;
const down = (kind: Check["kind"], name: string, r: Extract<ProbeResult<unknown>, { ok: false }>, details: Check["details"] = {}): Check => ({
  kind,
  name,
  status: "down",
  latencyMs: r.latencyMs,
  message: r.error,
  details,
});

async function postgresCheck(db: Db): Promise<Check> {
  const ping = await probePostgres(db);
  if (!ping.ok) return down("postgres", "postgres", ping);
  const m = await probe(() => migrationStatus(db));
  if (!m.ok) return { kind: "postgres", name: "postgres", status: "degraded", latencyMs: ping.latencyMs, message: `migrations unreadable: ${m.error}`, details: {} };
  const { latest, appliedAt, pending } = m.value;
  return {
    kind: "postgres",
    name: "postgres",
    status: pending ? "degraded" : "ok",
    latencyMs: ping.latencyMs,
    message: pending ? `${pending} migration${pending === 1 ? "" : "s"} not applied` : null,
    details: { migration: latest, migrationAppliedAt: appliedAt?.toISOString() ?? null, pendingMigrations: pending },
  };
}

const infoField = (info: string, field: string) => Number(new RegExp(`^${field}:(\\d+)`, "m").exec(info)?.[1] ?? NaN);

async function redisCheck(redis: Redis): Promise<Check> {
  const r = await probe(async () => {
    await redis.ping();
    return redis.info("memory");
  });
  if (!r.ok) return down("redis", "redis", r);
  const used = infoField(r.value, "used_memory");
  const max = infoField(r.value, "maxmemory");
  // BullMQ loses jobs when Redis evicts under maxmemory; warn before that.
  const nearFull = max > 0 && used / max > 0.9;
  return {
    kind: "redis",
    name: "redis",
    status: nearFull ? "degraded" : "ok",
    latencyMs: r.latencyMs,
    message: nearFull ? "memory over 90% of maxmemory" : null,
    details: { usedMemoryBytes: Number.isNaN(used) ? null : used, maxMemoryBytes: Number.isNaN(max) || max === 0 ? null : max },
  };
}

async function storageCheck(storage: Storage): Promise<Check> {
  const r = await probeStorage(storage);
  if (!r.ok) return down("storage", storage.kind, r, { kind: storage.kind });
  return { kind: "storage", name: storage.kind, status: "ok", latencyMs: r.latencyMs, message: null, details: { kind: storage.kind } };
}

/**
 * The age of the newest finished backup. With BACKUP_CRON set, none or one older
 * than BACKUP_MAX_AGE_HOURS is degraded: the schedule is failing. Without a
 * schedule it is a note, since development never backs up by itself.
 */
export async function backupHealthCheck(ctx: ServiceContext): Promise<Check> {
  const r = await probe(() => newestBackup(ctx.config));
  if (!r.ok) return down("backup", "backups", r);
  const newest = r.value.manifest;
  const ageHours = newest ? Math.round(((ctx.now().getTime() - Date.parse(newest.createdAt)) / 3_600_000) * 10) / 10 : null;
  const scheduled = !!ctx.config.BACKUP_CRON;
  const stale = scheduled && (ageHours === null || ageHours > ctx.config.BACKUP_MAX_AGE_HOURS);
  const message = stale
    ? ageHours === null
      ? "no backup yet, though BACKUP_CRON is set"
      : `last good backup ${ageHours} h ago (over BACKUP_MAX_AGE_HOURS)`
    : scheduled
      ? null
      : "no schedule (BACKUP_CRON unset)";
  return {
    kind: "backup",
    name: "backups",
    status: stale ? "degraded" : "ok",
    latencyMs: r.latencyMs,
    message,
    details: { lastBackupId: newest?.id ?? null, lastBackupAt: newest?.createdAt ?? null, ageHours, generations: r.value.count, schedule: ctx.config.BACKUP_CRON ?? null },
  };
}

async function emailCheck(transport: EmailTransport): Promise<Check> {
  const base = { kind: "email" as const, name: transport.name, details: { transport: transport.name } };
  if (!transport.verify) {
    const note = transport.name === "outbox" ? "outbox only: mail is recorded, not sent (set SMTP_URL or RESEND_API_KEY)" : "not probed (HTTP API)";
    return { ...base, status: "ok", latencyMs: null, message: note };
  }
  const r = await probe(() => transport.verify?.() ?? Promise.resolve());
  return r.ok ? { ...base, status: "ok", latencyMs: r.latencyMs, message: null } : down("email", transport.name, r, base.details);
}

/**
 * Staff: every dependency and component with a status and a latency — Postgres
 * (+ applied migration), Redis (+ memory), storage (write/read/delete), the email
 * transport, each live worker's heartbeat, each queue's depth and failures in the
 * last hour. Overall: down when Postgres is (nothing works), degraded when anything else isn't ok.
 */
export async function systemHealth(ctx: ServiceContext, deps: HealthDeps): Promise<TSystemHealth> {
  const jobs = ctx.jobs;
  if (!jobs) throw new Error("systemHealth needs a context with job queues");
  const now = ctx.now();
  const prefix = ctx.config.REDIS_PREFIX;
  const beatsProbe = probe(() => listHeartbeats(deps.redis, prefix));
  const [postgres, redis, storage, email, beats, backup] = await Promise.all([
    postgresCheck(ctx.db as Db),
    redisCheck(deps.redis),
    storageCheck(deps.storage),
    emailCheck(deps.emailTransport),
    beatsProbe,
    backupHealthCheck(ctx),
  ]);

  const workers: Check[] = [];
  const servedQueues = new Set<string>();
  if (!beats.ok) workers.push(down("worker", "workers", beats));
  else if (beats.value.length === 0) workers.push({ kind: "worker", name: "workers", status: "down", latencyMs: beats.latencyMs, message: "no live worker: queued jobs won't run", details: {} });
  for (const b of beats.ok ? beats.value : []) {
    const ageSeconds = Math.max(0, Math.round((now.getTime() - Date.parse(b.lastSeenAt)) / 1000));
    // The key lives three intervals; two missed beats already mean a stuck or overloaded process.
    const late = ageSeconds > ctx.config.WORKER_HEARTBEAT_SECONDS * 2;
    b.queues.forEach((q) => servedQueues.add(q));
    workers.push({
      kind: "worker",
      name: b.id,
      status: late ? "degraded" : "ok",
      latencyMs: beats.latencyMs,
      message: late ? `last heartbeat ${ageSeconds} s ago` : null,
      details: { hostname: b.hostname, pid: b.pid, startedAt: b.startedAt, lastSeenAt: b.lastSeenAt, ageSeconds, queues: b.queues.join(", ") },
    });
  }

  const hourAgo = now.getTime() - 3_600_000;
  const queues = await Promise.all(
    (Object.values(QUEUES) as QueueName[]).map(async (name): Promise<Check> => {
      const r = await probe(async () => {
        const queue = jobs.queue(name);
        // BullMQ keeps failed jobs in a sorted set scored by when they finished.
        const [counts, failedLastHour] = await Promise.all([
          queue.getJobCounts("waiting", "prioritized", "active", "delayed", "failed"),
          deps.redis.zcount(`${prefix}:${name}:failed`, hourAgo, "+inf"),
        ]);
        return { counts, failedLastHour };
      });
      if (!r.ok) return down("queue", name, r);
      const { counts: c, failedLastHour } = r.value;
      const waiting = (c.waiting ?? 0) + (c.prioritized ?? 0);
      const stranded = waiting > 0 && beats.ok && !servedQueues.has(name);
      const message = stranded ? "jobs waiting and no live worker serves this queue" : failedLastHour ? `${failedLastHour} failed in the last hour` : null;
      return {
        kind: "queue",
        name,
        status: stranded || failedLastHour > 0 ? "degraded" : "ok",
        latencyMs: r.latencyMs,
        message,
        details: { waiting, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0, failedLastHour },
      };
    }),
  );

  const checks = [postgres, redis, storage, email, backup, ...workers, ...queues];
  const status: THealthStatus = postgres.status === "down" ? "down" : checks.every((c) => c.status === "ok") ? "ok" : "degraded";
  return { status, checkedAt: now.toISOString(), checks };
}
