export * from "./password.schema.js";
export * as passwordService from "./password.service.js";
export { checkPasswordPolicy, assertPasswordPolicy, type PasswordRule, type PolicyFailure } from "./password-policy.service.js";
