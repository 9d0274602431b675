import type { TestProject } from "vitest/node";
import { startTestInfra } from "@atrium/db/testing";

/** One embedded Postgres (with a migrated template db) and one redis-server for the whole run. */
export default async function setup(project: TestProject) {
  const infra = await startTestInfra();
  project.provide("pgAdminUrl", infra.pgAdminUrl);
  project.provide("redisUrl", infra.redisUrl);
  return () => infra.stop();
}
