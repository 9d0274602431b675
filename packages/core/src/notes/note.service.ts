import type { Actor, RequestMeta, ServiceContext } from "../shared/context.js";
import { recordAudit } from "../audit/audit.service.js";
import { iso } from "../shared/dates.js";
import { notFound } from "../shared/errors.js";
import type { TCreateNoteInput, TNote, TNoteList } from "./note.schema.js";
import * as repo from "./note.repository.js";

const toDto = (n: repo.NoteRow): TNote => ({ id: n.id, body: n.body, createdAt: iso(n.createdAt) });

export async function createNote(ctx: ServiceContext, actor: Actor, input: TCreateNoteInput, meta?: RequestMeta): Promise<TNote> {
  const row = await repo.insertNote(ctx.db, { userId: actor.userId, body: input.body });
  await recordAudit(ctx.db, { eventType: "note.created", actor: { id: actor.userId, username: actor.username }, target: { type: "note", id: row.id }, accountId: actor.accountId, meta });
  return toDto(row);
}

export async function listNotes(ctx: ServiceContext, actor: Actor): Promise<TNoteList> {
  return { items: (await repo.listUserNotes(ctx.db, actor.userId)).map(toDto) };
}

/** Someone else's note answers like an unknown one. */
export async function deleteNote(ctx: ServiceContext, actor: Actor, id: string, meta?: RequestMeta): Promise<TNote> {
  const row = await repo.deleteUserNote(ctx.db, actor.userId, id);
  if (!row) throw notFound("Note");
  await recordAudit(ctx.db, { eventType: "note.deleted", actor: { id: actor.userId, username: actor.username }, target: { type: "note", id: row.id }, accountId: actor.accountId, meta });
  return toDto(row);
}
