import { z } from "zod";
import { ZEmailAddress } from "./signup.schema.js";

const INVALID = "This confirmation link is invalid or has expired";

export const ZVerifyEmailInput = z.strictObject({
  token: z.string().trim().min(1, INVALID).max(200, INVALID).describe("From the link in the confirmation email"),
});
export type TVerifyEmailInput = z.infer<typeof ZVerifyEmailInput>;

export const ZChangeEmailInput = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password").max(1024),
  email: ZEmailAddress,
});
export type TChangeEmailInput = z.infer<typeof ZChangeEmailInput>;
