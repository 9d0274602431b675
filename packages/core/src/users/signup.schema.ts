import { z } from "zod";
import { ZUser } from "./user.schema.js";

export const ZUsername = z
  .string()
  .trim()
  .min(3, "Must be at least 3 characters")
  .max(32, "Can be at most 32 characters")
  .regex(/^[a-zA-Z0-9_.-]+$/, "Use only letters, digits, dots, dashes and underscores");

/** Emails are kept lowercased so uniqueness and lookups agree. */
export const ZEmailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Can be at most 254 characters")
  .pipe(z.email("Enter a valid email address"));

/** Only the shape; the policy (length, commonness, ...) is checked by the service with the config's minimum. */
export const ZNewPassword = z.string().min(1, "Enter a password").max(256, "Can be at most 256 characters");

export const ZSignupInput = z.strictObject({
  username: ZUsername,
  email: ZEmailAddress,
  password: ZNewPassword,
  inviteKey: z.string().trim().max(200, "This invite key is not valid").optional().describe("Required when SIGNUP_MODE=invite, unless invitationToken is given"),
  invitationToken: z.string().trim().max(200, "This invitation is not valid").optional().describe("From an organization invitation email"),
});
export type TSignupInput = z.infer<typeof ZSignupInput>;

export const ZSignupOutput = z.object({
  user: ZUser,
  token: z.string().describe("A session token; the session cookie is set too"),
  expiresAt: z.string(),
});
export type TSignupOutput = z.infer<typeof ZSignupOutput>;
