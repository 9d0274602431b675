import { iso } from "../shared/dates.js";
import type { TAccount } from "./tenant.schema.js";
import type { AccountRow } from "./tenant.repository.js";

export const toAccountDto = (a: AccountRow): TAccount => ({ id: a.id, name: a.name, slug: a.slug, createdAt: iso(a.createdAt) });
