import helmet from "helmet";
import { allowsDevDefaults, type Env } from "@atrium/config";

/**
 * The Content-Security-Policy of everything the api serves (Swagger UI at
 * /api/docs, the built SPA when WEB_DIST_DIR is set; the local checkout page
 * sets a stricter one of its own). No inline or eval'd script anywhere:
 * Swagger UI and the Vite build load scripts from files. Styles may be
 * inline because Mantine injects <style> tags at runtime. Behind another
 * server (nginx, a CDN) serving the SPA, send the same header (README, "Security model").
 */
export function cspDirectives(config: Pick<Env, "ATRIUM_ENV">): Record<string, string[]> {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "script-src-attr": ["'none'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    // Plain http://localhost in development must keep working.
    ...(allowsDevDefaults(config) ? {} : { "upgrade-insecure-requests": [] }),
  };
}

/** helmet with that CSP; HSTS for HSTS_SECONDS (the profile's default: a year in staging/production, off otherwise). */
export function securityHeaders(config: Pick<Env, "ATRIUM_ENV" | "HSTS_SECONDS">) {
  return helmet({
    hsts: config.HSTS_SECONDS > 0 ? { maxAge: config.HSTS_SECONDS, includeSubDomains: true } : false,
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config) },
  });
}
