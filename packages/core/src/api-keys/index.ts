export * from "./api-key.schema.js";
export * as apiKeyService from "./api-key.service.js";
