import { configWarnings, describeConfig, type Env } from "@atrium/config";
import type { Actor } from "../shared/context.js";
import { authorizeStaff } from "../accounts/policy.service.js";
import type { TConfigReport } from "./config.schema.js";

/** The process's effective configuration with secrets redacted, and what looks off for its environment (staff). */
export function configReport(config: Env, actor: Pick<Actor, "isStaff">): TConfigReport {
  authorizeStaff(actor);
  return { environment: config.ATRIUM_ENV, entries: describeConfig(config), problems: [], warnings: configWarnings(config) };
}
