import { z } from "zod";

export const ZConfigEntry = z.object({ name: z.string(), value: z.string().nullable(), secret: z.boolean() });

/** The effective configuration of the answering process, secrets redacted (staff; `atrium config check`). */
export const ZConfigReport = z.object({
  environment: z.string(),
  entries: z.array(ZConfigEntry),
  /** What would stop a process from starting: always empty for a running one, filled by the CLI's local check. */
  problems: z.array(z.string()),
  /** Settings that work but look unintended for the environment. */
  warnings: z.array(z.string()),
});
export type TConfigReport = z.infer<typeof ZConfigReport>;
