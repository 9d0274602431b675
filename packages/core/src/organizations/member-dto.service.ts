import { iso } from "../shared/dates.js";
import type { TMember } from "./member.schema.js";
import type { MemberRow } from "./member.repository.js";

export const toMemberDto = (m: MemberRow): TMember => ({
  userId: m.userId,
  username: m.username,
  displayName: m.displayName,
  email: m.email,
  role: m.role,
  ...(m.recruitingRole === undefined ? {} : { recruitingRole: m.recruitingRole }),
  joinedAt: iso(m.createdAt),
});
