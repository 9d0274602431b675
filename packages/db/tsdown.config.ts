import { defineConfig } from "tsdown";
import { nodeBuild } from "@atrium/config/tsdown.node.js";

// dist/ sits beside migrations/ like src/ does, so `../migrations` resolves from both.
export default defineConfig(nodeBuild({ index: "src/index.ts", client: "src/client.ts", "schema/index": "src/schema/index.ts", "embedded/index": "src/embedded/index.ts" }));
