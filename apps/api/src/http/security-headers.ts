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
export function cspDirectives(config: Pick<Env, "NODE_ENV">): Record<string, string[]> {
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

/** helmet with that CSP; HSTS only where https is expected (production). */
export function securityHeaders(config: Pick<Env, "NODE_ENV">) {
  return helmet({
    hsts: !allowsDevDefaults(config),
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config) },
  });
}
