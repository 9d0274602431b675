export * from "./auth.schema.js";
export * as authService from "./auth.service.js";
export { toActor } from "./auth.service.js";
export * as sessionService from "./session.service.js";
export { hashPassword, verifyPassword } from "./password-hash.service.js";
export { loginBucketKey } from "./login-bucket.service.js";
export { createSessionCache, decodeAuthChange, encodeAuthChange, type AuthChange, type SessionCache } from "./session-cache.service.js";
