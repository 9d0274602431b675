import { z } from "zod";
import { ZTenantRole } from "../accounts/role.schema.js";
import { ZAccount } from "../accounts/tenant.schema.js";
import { ZUser } from "../users/user.schema.js";

export const ZLoginInput = z.object({
  username: z.string().trim().min(1, "Enter your username or email").max(254),
  password: z.string().min(1, "Enter your password").max(1024),
  rememberMe: z.boolean().default(false),
});
export type TLoginInput = z.infer<typeof ZLoginInput>;

export const ZLoginOutput = z.object({
  user: ZUser,
  expiresAt: z.string(),
});
export type TLoginOutput = z.infer<typeof ZLoginOutput>;

export const ZTokenOutput = z.object({
  token: z.string().describe("Send as `Authorization: Bearer <token>`"),
  expiresAt: z.string(),
  user: ZUser,
});
export type TTokenOutput = z.infer<typeof ZTokenOutput>;

export const ZAuthMethod = z.enum(["session", "api_key"]);
export type TAuthMethod = z.infer<typeof ZAuthMethod>;

export const ZMeOutput = z.object({
  user: ZUser,
  account: ZAccount.nullable(),
  accountRole: ZTenantRole.nullable().describe("Your role in your home account (owner/admin/member/viewer); platform staff is user.isStaff, separately"),
  authMethod: ZAuthMethod,
});
export type TMeOutput = z.infer<typeof ZMeOutput>;

export const ZSuccess = z.object({ success: z.literal(true) });
