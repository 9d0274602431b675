import { z } from "zod";

export const ZUser = z
  .object({
    id: z.uuid(),
    username: z.string(),
    email: z.string(),
    displayName: z.string().nullable(),
    isStaff: z.boolean(),
    isActive: z.boolean(),
    accountId: z.uuid().nullable(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
export type TUser = z.infer<typeof ZUser>;
