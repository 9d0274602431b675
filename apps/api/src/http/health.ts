import { Router } from "express";
import { pingDb } from "@atrium/db";
import type { ApiDeps } from "../deps.js";

const TIMEOUT_MS = 2000;

async function probe(fn: () => Promise<unknown>) {
  const started = performance.now();
  try {
    await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS))]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: e instanceof Error ? e.message : String(e) };
  }
}

/** Liveness says the process runs; readiness says its dependencies answer. */
export function healthRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.get(["/healthz", "/healthz/"], (_req, res) => {
    res.json({ status: "ok" });
  });
  r.get(["/readyz", "/readyz/"], async (_req, res) => {
    const [postgres, redis] = await Promise.all([probe(() => pingDb(deps.db)), probe(() => deps.redis.ping())]);
    const ok = postgres.ok && redis.ok;
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "unavailable", checks: { postgres, redis } });
  });
  return r;
}
