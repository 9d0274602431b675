import { z } from "zod";
import { ZCursor, ZDirection, ZLimit, pageOf } from "../shared/pagination.schema.js";
import { zDisplayName, ZUser } from "./user.schema.js";

/** Booleans arrive as text in query strings and as booleans over tRPC; take both. */
const ZFlag = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: "Use true or false" }));

export const ZListUsersInput = z.strictObject({
  q: z.string().trim().max(100, "Search can be at most 100 characters").optional().describe("Part of a username or email, any case"),
  isActive: ZFlag.optional(),
  limit: ZLimit,
  cursor: ZCursor,
  direction: ZDirection,
});
export type TListUsersInput = z.infer<typeof ZListUsersInput>;

export const ZAdminUserIdInput = z.strictObject({ id: z.uuid("Not a valid user id") });

export const ZUpdateUserInput = z.strictObject({
  id: z.uuid("Not a valid user id"),
  isActive: z.boolean({ error: "Use true or false" }).optional(),
  isStaff: z.boolean({ error: "Use true or false" }).optional(),
  displayName: zDisplayName.nullable().optional(),
});
export type TUpdateUserInput = z.infer<typeof ZUpdateUserInput>;

export const ZAdminUser = ZUser.extend({
  passwordChangedAt: z.string().nullable(),
  updatedAt: z.string(),
}).meta({ id: "AdminUser" });
export type TAdminUser = z.infer<typeof ZAdminUser>;

export const ZAdminUserList = pageOf(ZAdminUser);
export type TAdminUserList = z.infer<typeof ZAdminUserList>;
