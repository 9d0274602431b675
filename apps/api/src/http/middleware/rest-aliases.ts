import type { RequestHandler } from "express";

/**
 * REST paths the seed documented under another name, mapped onto ours before
 * anything (rate limits, CSRF, the OpenAPI adapter, route lookups) reads the
 * path, so an alias runs exactly the pipeline of the path it stands for.
 * The request log keeps `originalUrl`: what the client typed. Applied in order.
 */
const ALIASES: ReadonlyArray<readonly [from: RegExp, to: string]> = [
  // One versioning rule: REST is unversioned under /api/ and changes only additively;
  // /api/v1/<path> is /api/<path> for every path (the seed documented its tenancy paths with v1).
  [/^\/api\/v1(?=\/|\?|$)/, "/api"],
  // The seed called invite keys "passkeys"; to everyone else that word means WebAuthn.
  [/^\/api\/admin\/passkeys(?=\/|\?|$)/, "/api/admin/invite-keys"],
];

/** The URL an aliased one stands for (itself when it is no alias). */
export const canonicalUrl = (url: string): string => ALIASES.reduce((u, [from, to]) => u.replace(from, to), url);

export const restAliases: RequestHandler = (req, _res, next) => {
  req.url = canonicalUrl(req.url);
  next();
};
