// Cross-cutting helpers every domain uses; not a domain of its own.
export { ServiceError, notFound, type ServiceErrorCode } from "./errors.js";
export type { ServiceContext, Actor, RequestMeta } from "./context.js";
export { redactUrl, redactLinks, REDACTED } from "./redact.service.js";
export { purposeKey, KEY_PURPOSES, type KeyPurpose } from "./purpose-key.service.js";
export { audioUploadsAllowed, limitsOf } from "./limits.service.js";
