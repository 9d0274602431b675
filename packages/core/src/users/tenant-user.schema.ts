import { z } from "zod";
import { pageOf, ZPageInput } from "../shared/pagination.schema.js";
import { zDisplayName, ZUser } from "./user.schema.js";
import { zId } from "../shared/fields.schema.js";

export const ZListTenantUsersInput = ZPageInput.extend({
  accountId: zId("account").optional(),
  q: z.string().trim().max(100, "At most 100 characters").optional().describe("Matches username, email or display name"),
});
export type TListTenantUsersInput = z.infer<typeof ZListTenantUsersInput>;
export const ZTenantUserPage = pageOf(ZUser);

export const ZTenantUserIdInput = z.object({ id: zId("user") });
export const ZUpdateTenantUserInput = z.object({
  id: zId("user"),
  displayName: zDisplayName.nullable(),
});
export type TUpdateTenantUserInput = z.infer<typeof ZUpdateTenantUserInput>;
