import { configWarnings, describeConfig, type Env } from "@atrium/config";
import type { TConfigReport } from "./config.schema.js";

/** The process's effective configuration with secrets redacted, and what looks off for its environment. */
export function configReport(config: Env): TConfigReport {
  return { environment: config.ATRIUM_ENV, entries: describeConfig(config), problems: [], warnings: configWarnings(config) };
}
