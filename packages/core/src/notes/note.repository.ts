import { and, desc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";

const { notes } = schema;
export type NoteRow = typeof notes.$inferSelect;

export async function insertNote(db: DbOrTx, values: typeof notes.$inferInsert): Promise<NoteRow> {
  const [row] = await db.insert(notes).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export function listUserNotes(db: DbOrTx, userId: string): Promise<NoteRow[]> {
  return db.select().from(notes).where(eq(notes.userId, userId)).orderBy(desc(notes.createdAt));
}

/** Deletes only the owner's own note; returns it or nothing. */
export async function deleteUserNote(db: DbOrTx, userId: string, id: string): Promise<NoteRow | undefined> {
  const [row] = await db.delete(notes).where(and(eq(notes.id, id), eq(notes.userId, userId))).returning();
  return row;
}
