import type { Request, Response } from "express";
import { parse } from "cookie";
import { PROFILES, type Env } from "@atrium/config";

export const SESSION_COOKIE = "atrium_session";

export function readSessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parse(header)[SESSION_COOKIE] : undefined;
}

/** Secure outside development and tests (the profile says), scoped to COOKIE_DOMAIN when set. */
const cookieScope = (config: Env) => ({ secure: PROFILES[config.ATRIUM_ENV].secureCookies, path: "/", ...(config.COOKIE_DOMAIN ? { domain: config.COOKIE_DOMAIN } : {}) });

/** Remember-me keeps the cookie until the session expires; otherwise it dies with the browser. */
export function setSessionCookie(res: Response, config: Env, token: string, expiresAt: Date, rememberMe: boolean): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    ...cookieScope(config),
    ...(rememberMe ? { expires: expiresAt } : {}),
  });
}

export function clearSessionCookie(res: Response, config: Env): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", ...cookieScope(config) });
}

export function readBearer(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const [scheme, value] = h.split(" ");
  // "Token" is what the systems Atrium replaces documented; accept both.
  const s = scheme?.toLowerCase();
  return (s === "bearer" || s === "token") && value ? value.trim() : undefined;
}
