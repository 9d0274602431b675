import { defineConfig } from "tsdown";
import { nodeBuild } from "@atrium/config/tsdown.node.js";

// `npm run start:api` and `npm run migrate` run these with `node --conditions=compiled`.
export default defineConfig(nodeBuild({ main: "src/main.ts", migrate: "src/migrate.ts" }));
