// Recruiting (seed 002, HireQ): postings, applications, interviews, candidate profiles, reports, the assistant.
// One domain, topic files `<topic>.<kind>.ts`; this is its only public surface.
export * as applicationService from "./application.service.js";
export * as applicationReadService from "./application-read.service.js";
export * as applicationPipelineService from "./application-pipeline.service.js";
export * as applicationMatchService from "./application-match.service.js";
export * from "./application.schema.js";
