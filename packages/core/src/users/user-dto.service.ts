import { isoOrNull, iso } from "../shared/dates.js";
import type { TUser } from "./user.schema.js";
import type { UserRow } from "./user.repository.js";

/** The public face of a user row: no hash, no soft-delete bookkeeping. */
export function toUserDto(u: UserRow): TUser {
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    emailVerifiedAt: isoOrNull(u.emailVerifiedAt),
    displayName: u.displayName,
    isStaff: u.isStaff,
    isActive: u.isActive,
    accountId: u.accountId,
    lastLoginAt: isoOrNull(u.lastLoginAt),
    previousLoginAt: isoOrNull(u.previousLoginAt),
    createdAt: iso(u.createdAt),
  };
}
