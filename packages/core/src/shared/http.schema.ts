/**
 * Sent by the SDK and the SPA on every call. A cross-site form or image can't
 * set a custom header (and a cross-site fetch that does needs a CORS preflight
 * the api only grants to CORS_ORIGINS), so its presence marks a cookie-carrying
 * request as coming from our own code. See apps/api/src/http/csrf.ts.
 */
export const CSRF_HEADER = "x-atrium-request";

/**
 * Procedures on the tight auth budget (per IP and per account name): every call
 * is a password guess or sends mail. Each entry is a procedure or a whole router
 * (`auth.me` and the staff outbox under `email` are ordinary calls).
 * The api limits them; the SDK never retries them, so a 429 never silently
 * resends a password (see packages/sdk/src/client.ts).
 */
export const AUTH_RATE_LIMITED_PROCEDURES = ["auth.login", "auth.token", "auth.logout", "auth.signup", "passwords", "email.verify", "email.resend", "email.change"] as const;

/** Whether `path` (e.g. "auth.login") is one of AUTH_RATE_LIMITED_PROCEDURES or under one. */
export const isAuthProcedure = (path: string) =>
  AUTH_RATE_LIMITED_PROCEDURES.some((p) => path === p || path.startsWith(`${p}.`));
