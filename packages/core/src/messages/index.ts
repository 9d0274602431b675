export * from "./message.schema.js";
export * as messageService from "./message.service.js";
