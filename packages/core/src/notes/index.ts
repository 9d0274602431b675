export * from "./note.schema.js";
export * as noteService from "./note.service.js";
