import { z } from "zod";

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
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
export type TUser = z.infer<typeof ZUser>;
