// The compiled build of a server-side workspace package: plain ESM for Node, one file per
// entry (shared code in chunks), every bare import left to Node (npm packages from
// node_modules, @atrium/* through their "compiled" export condition). No tsx at runtime.
/** @param {Record<string, string>} entry */
export function nodeBuild(entry) {
  return {
    entry,
    format: "esm",
    platform: "node",
    target: "node20.19",
    fixedExtension: false,
    dts: false,
    sourcemap: true,
    clean: true,
    deps: { neverBundle: [/^[^./]/] },
  };
}
