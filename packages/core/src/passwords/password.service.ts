// The password verbs, one namespace for the api: each lives in its own file.
export { changePassword } from "./password-change.service.js";
export { requestPasswordReset, confirmPasswordReset, RESET_REQUESTED } from "./password-reset.service.js";
