import type { RequestHandler } from "express";

/**
 * REST paths the seed documented under another name, mapped onto ours before
 * anything (rate limits, CSRF, the OpenAPI adapter, route lookups) reads the
 * path, so an alias runs exactly the pipeline of the path it stands for.
 * The request log keeps `originalUrl`: what the client typed.
 */
const ALIASES: ReadonlyArray<readonly [from: RegExp, to: string]> = [
  // The seed called invite keys "passkeys"; to everyone else that word means WebAuthn.
  [/^\/api\/admin\/passkeys(?=\/|\?|$)/, "/api/admin/invite-keys"],
];

export const restAliases: RequestHandler = (req, _res, next) => {
  for (const [from, to] of ALIASES) {
    if (from.test(req.url)) {
      req.url = req.url.replace(from, to);
      break;
    }
  }
  next();
};
