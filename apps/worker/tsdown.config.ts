import { defineConfig } from "tsdown";
import { nodeBuild } from "@atrium/config/tsdown.node.js";

// `npm run start:worker` runs dist/main.js with `node --conditions=compiled`. Files started as
// worker_threads (`*.thread.ts`) are entries of their own so the build ships them.
export default defineConfig(nodeBuild({ main: "src/main.ts" }));
