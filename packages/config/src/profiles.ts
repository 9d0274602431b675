/**
 * The four environment profiles and what each one defaults to — the one place an
 * operator reads to know what `ATRIUM_ENV=staging` changes. NODE_ENV stays the Node
 * convention (what the bundler and libraries look at); ATRIUM_ENV is ours.
 */
export const ATRIUM_ENVS = ["development", "test", "staging", "production"] as const;
export type AtriumEnv = (typeof ATRIUM_ENVS)[number];

export interface Profile {
  /** Development secrets, admin123, the local checkout and the Stripe stand-in are accepted. */
  devDefaults: boolean;
  /** `Secure` session cookies and `upgrade-insecure-requests` in the CSP. */
  secureCookies: boolean;
  /** HSTS max-age when HSTS_SECONDS is unset; 0 sends no HSTS header. */
  hstsSeconds: number;
  /** Hosts allowed when ALLOWED_HOSTS is unset: `*` (any) or the PUBLIC_URL's host plus loopback names. */
  allowedHosts: "any" | "public-url";
  /** Stripe test-mode keys (sk_test_…) are accepted. */
  testStripeKeys: boolean;
  /** LOG_LEVEL debug and trace are accepted (they log request details). */
  verboseLogs: boolean;
}

const YEAR = 31_536_000;

/** Staging behaves like production for secrets, cookies and CSP, but takes test Stripe keys and verbose logs. */
export const PROFILES: Record<AtriumEnv, Profile> = {
  development: { devDefaults: true, secureCookies: false, hstsSeconds: 0, allowedHosts: "any", testStripeKeys: true, verboseLogs: true },
  test: { devDefaults: true, secureCookies: false, hstsSeconds: 0, allowedHosts: "any", testStripeKeys: true, verboseLogs: true },
  staging: { devDefaults: false, secureCookies: true, hstsSeconds: YEAR, allowedHosts: "public-url", testStripeKeys: true, verboseLogs: true },
  production: { devDefaults: false, secureCookies: true, hstsSeconds: YEAR, allowedHosts: "public-url", testStripeKeys: false, verboseLogs: false },
};

/** Names a load balancer or a healthcheck on the same host uses, always allowed next to PUBLIC_URL's host. */
export const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/** ATRIUM_ENV when set, else NODE_ENV's development/test, else production (an unlabelled process fails closed). */
export function atriumEnvOf(input: { ATRIUM_ENV?: AtriumEnv | undefined; NODE_ENV?: string | undefined }): AtriumEnv {
  if (input.ATRIUM_ENV) return input.ATRIUM_ENV;
  return input.NODE_ENV === "development" || input.NODE_ENV === "test" ? input.NODE_ENV : "production";
}
