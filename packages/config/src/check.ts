// What `atrium config check` needs, without the logger or Sentry: the published CLI bundles this.
export { checkConfig, type ConfigCheck, type Env } from "./env.js";
export { describeConfig, type ConfigEntry } from "./describe.js";
export { configWarnings } from "./profile-settings.js";
export { PROFILES, type AtriumEnv } from "./profiles.js";
