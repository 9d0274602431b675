export * from "./audit.schema.js";
export * as auditService from "./audit.service.js";
export { recordAudit, type AuditEntry } from "./audit.service.js";
