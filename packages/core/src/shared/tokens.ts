import { createHash } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** 160 random bits as lowercase base32: the token form Lucia's guide uses. */
export function generateToken(bytes = 20): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return encodeBase32LowerCaseNoPadding(buf);
}

/**
 * Only this hash is stored, so a database leak does not leak usable tokens.
 * SHA-256 of the UTF-8 bytes, hex. Node's native hash: every authenticated call hashes its token.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
