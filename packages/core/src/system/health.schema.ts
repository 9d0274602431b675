import { z } from "zod";

export const ZHealthStatus = z.enum(["ok", "degraded", "down"]).meta({ id: "HealthStatus" });
export type THealthStatus = z.infer<typeof ZHealthStatus>;

/** One dependency or component, as the staff health page shows it: a status, how long asking took, and why not ok. */
export const ZHealthCheck = z
  .object({
    kind: z.enum(["postgres", "redis", "storage", "email", "worker", "queue", "backup"]),
    name: z.string(),
    status: ZHealthStatus,
    /** How long the probe took; null when nothing was asked (e.g. no live worker). */
    latencyMs: z.number().int().nullable(),
    /** Why the status isn't ok, or a short note; never a stack trace. */
    message: z.string().nullable(),
    /** Facts of this kind of check: the applied migration, Redis memory, a worker's last heartbeat, a queue's depth... */
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .meta({ id: "HealthCheck" });
export type THealthCheck = z.infer<typeof ZHealthCheck>;

export const ZSystemHealth = z
  .object({
    /** down when Postgres is; degraded when anything else isn't ok; else ok. */
    status: ZHealthStatus,
    checkedAt: z.iso.datetime(),
    checks: z.array(ZHealthCheck),
  })
  .meta({ id: "SystemHealth" });
export type TSystemHealth = z.infer<typeof ZSystemHealth>;
