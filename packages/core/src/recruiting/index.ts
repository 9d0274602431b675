// Recruiting (seed 002, HireQ): postings, applications, interviews, candidate profiles, reports, the assistant.
// One domain, topic files `<topic>.<kind>.ts`; this is its only public surface.
export * from "./posting.schema.js";
export * as postingService from "./posting.service.js";
export * as publicPostingService from "./public-posting.service.js";
