import { Router } from "express";
import { pingDb } from "@atrium/db";
import type { Logger } from "@atrium/config";
import type { ApiDeps } from "../deps.js";

const TIMEOUT_MS = 2000;

/**
 * "ok" or "unavailable", nothing else: readyz is public, and a driver's error
 * text names hosts, ports, users and versions. The detail goes to the log.
 */
async function probe(name: string, fn: () => Promise<unknown>, logger: Logger): Promise<"ok" | "unavailable"> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([fn(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS)))]);
    return "ok";
  } catch (err) {
    logger.warn({ err, dependency: name }, "readiness check failed");
    return "unavailable";
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness says the process runs; readiness says its dependencies answer. */
export function healthRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.get(["/healthz", "/healthz/"], (_req, res) => {
    res.json({ status: "ok" });
  });
  r.get(["/readyz", "/readyz/"], async (req, res) => {
    const logger = (req as typeof req & { log?: Logger }).log ?? deps.logger;
    const [postgres, redis] = await Promise.all([probe("postgres", () => pingDb(deps.db), logger), probe("redis", () => deps.redis.ping(), logger)]);
    const ok = postgres === "ok" && redis === "ok";
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "unavailable", checks: { postgres, redis } });
  });
  return r;
}
