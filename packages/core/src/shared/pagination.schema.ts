import { z } from "zod";

/**
 * Every list endpoint pages the same way: `limit` (1..100, default 25) and an
 * opaque `cursor` taken from the previous page's `nextCursor`. Query strings
 * arrive as text, hence the coercion.
 */
export const ZLimit = z.coerce
  .number({ error: "Limit must be a number" })
  .int("Limit must be a whole number")
  .min(1, "Limit must be at least 1")
  .max(100, "Limit can be at most 100")
  .default(25);

export const CURSOR_INVALID = "This cursor is not valid; use nextCursor from the previous page";

export const ZCursor = z.uuid({ error: CURSOR_INVALID }).optional();

/**
 * TanStack's infinite queries (any tRPC + TanStack client, the SPA's lists) send `direction` next to
 * `cursor`. Lists page forward only, so "forward" (or nothing) is all a list takes.
 */
export const ZDirection = z
  .literal("forward", { error: 'Lists page forward only: direction can only be "forward"' })
  .optional()
  .describe('Paging direction; lists page forward only ("forward")');

export const ZPageInput = z.strictObject({ limit: ZLimit, cursor: ZCursor, direction: ZDirection });
export type TPageInput = z.infer<typeof ZPageInput>;

/** `{ items, nextCursor }` for a given item schema; nextCursor is null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
