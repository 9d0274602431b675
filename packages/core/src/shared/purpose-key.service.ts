import { hkdfSync } from "node:crypto";

/**
 * One HKDF label per thing SESSION_SECRET protects. Each signer uses its own
 * derived key, so a signature (or a key) for one purpose is worthless for
 * another: a checkout id can't be replayed as a download signature, and a
 * leaked download key doesn't mint checkout sessions.
 */
export const KEY_PURPOSES = {
  downloadUrl: "atrium/download-url/v1",
  localCheckout: "atrium/local-checkout/v1",
  unsubscribe: "atrium/unsubscribe/v1",
} as const;

export type KeyPurpose = keyof typeof KEY_PURPOSES;

/** The 32-byte key for `purpose`, derived from the configured secret (HKDF-SHA256). */
export function purposeKey(secret: string, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "atrium", KEY_PURPOSES[purpose], 32));
}
