import { Router } from "express";
import { storageFromConfig } from "@atrium/core";
import { probePostgres, probeRedis, probeStorage, type ProbeResult } from "@atrium/core/system";
import type { ApiDeps } from "../../deps.js";

/** Anonymous callers learn up or down and how long it took; what went wrong goes to the log only. */
const publicView = (r: ProbeResult<unknown>) => ({ ok: r.ok, latencyMs: r.latencyMs });

/** Where they answer (GET, under /api); the REST fast path must never take these. */
export const HEALTH_PATHS = { live: ["/healthz", "/healthz/"], ready: ["/readyz", "/readyz/"] };

/** Liveness says the process runs; readiness says its dependencies answer. */
export function healthRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.get(HEALTH_PATHS.live, (_req, res) => {
    res.json({ status: "ok" });
  });
  r.get(HEALTH_PATHS.ready, async (req, res) => {
    const [postgres, redis, storage] = await Promise.all([probePostgres(deps.db), probeRedis(deps.redis), probeStorage(storageFromConfig(deps.config))]);
    const failed = Object.entries({ postgres, redis, storage }).filter(([, p]) => !p.ok);
    if (failed.length) req.log?.warn({ failed: Object.fromEntries(failed.map(([k, p]) => [k, "error" in p ? p.error : null])) }, "not ready");
    res.status(failed.length ? 503 : 200).json({ status: failed.length ? "unavailable" : "ok", checks: { postgres: publicView(postgres), redis: publicView(redis), storage: publicView(storage) } });
  });
  return r;
}
