import { iso, isoOrNull } from "../shared/dates.js";
import type { TOrganization } from "./organization.schema.js";
import type { OrganizationRow } from "./organization.repository.js";
import { effectiveRole, type PolicyActor } from "../accounts/policy.service.js";
import type { TTenantRole } from "../accounts/role.schema.js";

/** The DTO, with the caller's role computed by the policy unless the caller knows better (just created it). */
export const toOrganizationDto = (actor: PolicyActor, o: OrganizationRow, role?: TTenantRole): TOrganization => ({
  id: o.id,
  accountId: o.accountId,
  name: o.name,
  slug: o.slug,
  description: o.description,
  role: role ?? effectiveRole(actor, { accountId: o.accountId, organizationId: o.id }, "organization") ?? null,
  createdAt: iso(o.createdAt),
  deletedAt: isoOrNull(o.deletedAt),
});
