import type { ApiKey } from "../../lib/trpc";

export type KeyStatus = "active" | "revoked" | "expired";

/** Revoked wins over expired: it was an explicit decision. */
export function keyStatus(key: ApiKey, now = Date.now()): KeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now) return "expired";
  return "active";
}

export const STATUS_COLORS: Record<KeyStatus, string> = { active: "teal", revoked: "gray", expired: "orange" };
