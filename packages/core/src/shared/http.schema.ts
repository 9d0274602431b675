/**
 * Sent by the SDK and the SPA on every call. A cross-site form or image can't
 * set a custom header (and a cross-site fetch that does needs a CORS preflight
 * the api only grants to CORS_ORIGINS), so its presence marks a cookie-carrying
 * request as coming from our own code. See apps/api/src/http/csrf.ts.
 */
export const CSRF_HEADER = "x-atrium-request";
