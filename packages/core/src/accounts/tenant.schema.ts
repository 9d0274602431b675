import { z } from "zod";

export const ZAccount = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Account" });
export type TAccount = z.infer<typeof ZAccount>;
