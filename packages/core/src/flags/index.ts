export * from "./flags.schema.js";
export * as flagService from "./flag.service.js";
export { seedBuiltInFlags } from "./flag.service.js";
export { requireFlag, flagOn, subjectFor, flagOffMessage } from "./flag-gate.js";
export { startFlagRuntime, flagChannel, type FlagRuntime, type FlagEvaluator, type FlagRuntimeOptions } from "./flag-runtime.js";
export { AtriumFlagProvider } from "./provider.js";
export { FlagStore } from "./flag-store.js";
export { evaluateTargeting, rolloutBucket, type FlagSubject } from "./targeting.js";
