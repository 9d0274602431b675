import type { RequestHandler } from "express";

/** The one prefix the REST surface accepts besides its own: the seed documented its tenancy paths under /api/v1/. */
export const REST_VERSION_ALIAS = "/v1";

/** A path (and query) relative to /api, with the version alias taken off: `/v1/teams/?x=1` → `/teams/?x=1`. */
export function unaliased(url: string): string {
  if (url !== REST_VERSION_ALIAS && !url.startsWith(`${REST_VERSION_ALIAS}/`) && !url.startsWith(`${REST_VERSION_ALIAS}?`)) return url;
  const rest = url.slice(REST_VERSION_ALIAS.length);
  return rest.startsWith("/") ? rest : `/${rest}`;
}

/**
 * One versioning rule: REST lives under /api/, unversioned, and changes only
 * additively; /api/v1/<path> is an alias of /api/<path> for every path, so
 * the seed's documented URLs (and clients that pinned v1) keep answering.
 * Mounted on /api before anything that reads the path (auth budget, CSRF, routes).
 */
export const restVersionAlias: RequestHandler = function restVersionAlias(req, _res, next) {
  req.url = unaliased(req.url);
  next();
};
