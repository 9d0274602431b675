import { defineConfig } from "tsdown";
import { nodeBuild } from "./tsdown.node.js";

export default defineConfig(nodeBuild({ index: "src/index.ts", check: "src/check.ts" }));
