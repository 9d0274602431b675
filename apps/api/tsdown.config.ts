import { defineConfig } from "tsdown";
import { nodeBuild } from "@atrium/config/tsdown.node.js";

// `npm run start:api` and `npm run migrate` run these with `node --conditions=compiled`; the
// container healthcheck runs dist/healthcheck.js.
export default defineConfig(nodeBuild({ main: "src/main.ts", instrument: "src/instrument.ts", migrate: "src/migrate.ts", backup: "src/backup.ts", restore: "src/restore.ts", healthcheck: "src/healthcheck.ts" }));
