import { noteService, ZCreateNoteInput, ZNote, ZNoteIdInput, ZNoteList } from "@atrium/core";
import { z } from "zod";
import { protectedProcedure, router } from "../trpc/init.js";

const tags = ["notes"];

export const noteRouter = router({
  list: protectedProcedure
    .meta({ openapi: { method: "GET", path: "/notes/", tags, summary: "Your notes", protect: true } })
    .input(z.void())
    .output(ZNoteList)
    .query(({ ctx }) => noteService.listNotes(ctx.svc, ctx.actor)),

  create: protectedProcedure
    .meta({ openapi: { method: "POST", path: "/notes/", tags, summary: "Write a note", protect: true } })
    .input(ZCreateNoteInput)
    .output(ZNote)
    .mutation(({ ctx, input }) => noteService.createNote(ctx.svc, ctx.actor, input, ctx.meta)),

  delete: protectedProcedure
    .meta({ openapi: { method: "DELETE", path: "/notes/{id}/", tags, summary: "Delete a note", protect: true } })
    .input(ZNoteIdInput)
    .output(ZNote)
    .mutation(({ ctx, input }) => noteService.deleteNote(ctx.svc, ctx.actor, input.id, ctx.meta)),
});
