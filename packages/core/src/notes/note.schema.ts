import { z } from "zod";

export const ZNote = z
  .object({
    id: z.uuid(),
    body: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Note" });
export type TNote = z.infer<typeof ZNote>;

export const ZCreateNoteInput = z.object({
  body: z.string().trim().min(1, "Write something").max(1000, "At most 1000 characters"),
});
export type TCreateNoteInput = z.infer<typeof ZCreateNoteInput>;

export const ZNoteIdInput = z.object({ id: z.uuid("Not a valid note id") });

export const ZNoteList = z.object({ items: z.array(ZNote) });
export type TNoteList = z.infer<typeof ZNoteList>;
