import { z } from "zod";
import { zQueryBool } from "../shared/fields.schema.js";
import { ZEmailAddress, ZNewPassword } from "../users/signup.schema.js";

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(1024),
  newPassword: ZNewPassword,
  // zQueryBool, not z.boolean: the REST adapter coerces plain booleans, so "sometimes" would read as true.
  revokeApiKeys: zQueryBool
    .default(true)
    .describe("Also revoke every API key of yours (default true): a key made with a stolen password would otherwise outlive the change"),
});
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export const ZRequestPasswordResetInput = z.object({ email: ZEmailAddress });
export type TRequestPasswordResetInput = z.infer<typeof ZRequestPasswordResetInput>;

export const ZConfirmPasswordResetInput = z.object({
  token: z.string().trim().min(1, "This reset link is invalid or has expired").max(200, "This reset link is invalid or has expired"),
  newPassword: ZNewPassword,
});
export type TConfirmPasswordResetInput = z.infer<typeof ZConfirmPasswordResetInput>;

export const ZAdminResetPasswordInput = z.object({
  id: z.uuid("Not a valid user id"),
  newPassword: ZNewPassword,
});
export type TAdminResetPasswordInput = z.infer<typeof ZAdminResetPasswordInput>;

export const ZOkMessage = z.object({ ok: z.literal(true), message: z.string() });
export type TOkMessage = z.infer<typeof ZOkMessage>;
