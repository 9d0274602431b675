// Test-only entry (`@atrium/core/testing`): seeds rows straight through the
// repositories, skipping signup's rules, so a test can set up any state.
// Application code goes through the services exported by the main entry.
export { insertUser, findUserById, type UserRow } from "./users/user.repository.js";
export { insertAccount } from "./accounts/tenant.repository.js";
export { buildPdf, textPdf, imageOnlyPdf, manyPagesPdf, nestedPdf, encryptedPdf, flateBombPdf, docxBomb } from "./documents/hostile-files.js";
