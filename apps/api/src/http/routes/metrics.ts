import { Router, type RequestHandler } from "express";
import { metricsAccess, type PoolLike } from "@atrium/core/system";
import type { ApiDeps } from "../../deps.js";
import { httpDuration, pools, registry } from "../../observability/metrics.js";
import { createRouteLabeler } from "../../observability/route-label.js";
import { appRouter } from "../../trpc/root.js";

/**
 * Times every request into `http_request_duration_seconds` (labelled by route
 * template, resolved once the response is sent). Runs first, so it sees every request.
 */
export function requestTiming(deps: ApiDeps): RequestHandler {
  // drizzle() keeps its node-postgres pool on `$client`; the Db type alias just doesn't name it.
  const pool = (deps.db as unknown as { $client?: PoolLike }).$client;
  if (pool && "waitingCount" in pool) pools.track(pool);
  const routeOf = createRouteLabeler(appRouter);
  return function requestTimer(req, res, next) {
    const started = performance.now();
    res.once("finish", () => {
      httpDuration.observe({ route: routeOf(req), method: req.method, status_code: res.statusCode }, (performance.now() - started) / 1000);
    });
    next();
  };
}

/** Prometheus text at GET /metrics (METRICS_TOKEN when set). */
export function metricsRoutes(deps: ApiDeps): Router {
  const { config } = deps;
  const r = Router();
  r.get("/metrics", async (req, res) => {
    const access = metricsAccess(config, req.headers.authorization);
    if (access === "unauthorized") {
      res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').json({ message: "A valid METRICS_TOKEN bearer token is required", code: "UNAUTHORIZED" });
      return;
    }
    if (access === "disabled") {
      res.status(403).json({ message: "Set METRICS_TOKEN to scrape metrics in production", code: "FORBIDDEN" });
      return;
    }
    res.set("Content-Type", registry.contentType).send(await registry.metrics());
  });
  return r;
}
