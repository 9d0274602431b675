import { defineConfig } from "tsdown";
import { nodeBuild } from "@atrium/config/tsdown.node.js";

export default defineConfig(nodeBuild({ index: "src/index.ts", contracts: "src/contracts.ts", "jobs/index": "src/jobs/index.ts", "system/index": "src/system/index.ts", "tracing/index": "src/tracing/index.ts", testing: "src/testing.ts" }));
