// The built SPA on the api's own origin (production and the e2e suite): one origin means the
// session cookie needs no CORS or SameSite=None.
import { existsSync } from "node:fs";
import path from "node:path";
import express from "express";

const YEAR_SECONDS = 365 * 24 * 60 * 60;
/** Client routes (/jobs/123) have no file extension; missing assets (/assets/old-hash.js) do, and stay 404. */
const CLIENT_ROUTE = /^\/(?!(api|trpc)(\/|$))(?:[^.]*)$/;

/**
 * Vite names every asset under assets/ by its content hash, so they can be cached for a year;
 * index.html must be revalidated on every load so a deploy is picked up at once. Source maps
 * are never served (the build keeps them for error tracking, not for the public).
 */
export function spaRoutes(dist: string): express.Router {
  const router = express.Router();
  if (!existsSync(path.join(dist, "index.html"))) return router;
  const index = path.join(dist, "index.html");
  router.use((req, res, next) => (req.path.endsWith(".map") ? res.status(404).end() : next()));
  router.use(
    express.static(dist, {
      index: false,
      setHeaders: (res, file) => {
        const hashed = path.relative(dist, file).startsWith(`assets${path.sep}`);
        res.setHeader("Cache-Control", hashed ? `public, max-age=${YEAR_SECONDS}, immutable` : "public, max-age=3600");
      },
    }),
  );
  router.get(CLIENT_ROUTE, (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(index);
  });
  return router;
}
