import { z } from "zod";

/**
 * A display name as people set it: trimmed, 1–80 characters, no control characters
 * (a newline or an escape code would break every list and email it appears in).
 */
export const zDisplayName = z
  .string()
  .trim()
  .min(1, "Enter a display name, or clear it")
  .max(80, "At most 80 characters")
  .regex(/^\P{Cc}*$/u, "Control characters (such as line breaks) are not allowed");

/** Your own profile: null clears the display name (lists then show your username). */
export const ZUpdateProfileInput = z.strictObject({ displayName: zDisplayName.nullable() });
export type TUpdateProfileInput = z.infer<typeof ZUpdateProfileInput>;

export const ZUser = z
  .object({
    id: z.uuid(),
    username: z.string(),
    email: z.string(),
    emailVerifiedAt: z.string().nullable().describe("When the address was confirmed; null until the mailed link is opened"),
    displayName: z.string().nullable(),
    isStaff: z.boolean(),
    isActive: z.boolean(),
    accountId: z.uuid().nullable(),
    lastLoginAt: z.string().nullable().describe("The latest sign-in (login or signup)"),
    previousLoginAt: z.string().nullable().describe("The sign-in before the latest; null until the second sign-in"),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
export type TUser = z.infer<typeof ZUser>;
