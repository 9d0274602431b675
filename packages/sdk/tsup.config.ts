import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts", contracts: "src/contracts.ts" },
    format: ["esm", "cjs"],
    dts: { resolve: [/^@atrium\//] },
    noExternal: [/^@atrium\//],
    clean: true,
    target: "node20",
  },
]);
