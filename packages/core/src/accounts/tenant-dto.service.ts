import { iso, isoOrNull } from "../shared/dates.js";
import type { TTenantAccount } from "./account.schema.js";
import type { TTenantRole } from "./role.schema.js";
import type { TAccount } from "./tenant.schema.js";
import type { AccountRow } from "./tenant.repository.js";

export const toAccountDto = (a: AccountRow): TAccount => ({ id: a.id, name: a.name, slug: a.slug, createdAt: iso(a.createdAt) });

export const toTenantAccountDto = (a: AccountRow, role: TTenantRole | null): TTenantAccount => ({
  ...toAccountDto(a),
  role,
  deletedAt: isoOrNull(a.deletedAt),
});
