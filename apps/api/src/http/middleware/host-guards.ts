import type { RequestHandler } from "express";
import type { Env } from "@atrium/config";

/** Load balancers and orchestrators probe these by IP, with whatever Host they like; they reveal nothing. */
const PROBES = /^\/api\/(healthz|readyz)\/?$/;

const hostnameOf = (host: string) => (host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0] ?? "").toLowerCase();

/** A test for Host headers against ALLOWED_HOSTS: `*`, an exact name, or `.example.com` for it and its subdomains (ports ignored). Entries are normalised once, not per request. */
function hostMatcher(allowed: readonly string[]): (host: string | undefined) => boolean {
  if (allowed.includes("*")) return () => true;
  const entries = allowed.map(hostnameOf);
  return (host) => {
    if (!host) return false;
    const name = hostnameOf(host);
    return entries.some((e) => (e.startsWith(".") ? name === e.slice(1) || name.endsWith(e) : name === e));
  };
}

/**
 * Refuses (400) requests for a Host the operator didn't list, so a forged Host header can't
 * steer anything the api builds from it (the api's own origin in the CSRF check, redirects).
 */
export function allowedHosts(config: Pick<Env, "ALLOWED_HOSTS">): RequestHandler {
  const allowed = hostMatcher(config.ALLOWED_HOSTS);
  return function allowedHostCheck(req, res, next) {
    if (allowed(req.headers.host) || PROBES.test(req.path)) return next();
    res.status(400).json({ message: `Host not allowed: ${req.headers.host ?? "(none)"}; add it to ALLOWED_HOSTS`, code: "BAD_REQUEST" });
  };
}

/**
 * SECURE_SSL_REDIRECT: a plain-http request (as the trusted proxy's X-Forwarded-Proto says) is sent
 * to https. GET and HEAD get 301; anything else 308, so the method and body survive.
 */
export function httpsRedirect(config: Pick<Env, "SECURE_SSL_REDIRECT">): RequestHandler {
  return function httpsRedirectCheck(req, res, next) {
    if (!config.SECURE_SSL_REDIRECT || req.protocol === "https" || PROBES.test(req.path)) return next();
    res.redirect(req.method === "GET" || req.method === "HEAD" ? 301 : 308, `https://${req.headers.host ?? ""}${req.originalUrl}`);
  };
}
