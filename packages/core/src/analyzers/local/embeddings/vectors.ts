import { existsSync, readFileSync } from "node:fs";
import { convertEmbeddings, MAGIC } from "./convert.js";
import { embeddingsBinPath, embeddingsJsonPath } from "./paths.js";

/** Word vectors as loaded: rank-ordered words, unit vectors as int8 × scale. */
export interface WordVectors {
  dims: number;
  /** Rank (0 = most frequent) of each word. */
  rank: Map<string, number>;
  scales: Float32Array;
  q: Int8Array;
}

let loaded: WordVectors | null | undefined;

/** Reads the binary the build wrote (embeddings/convert.ts). */
export function readWordVectors(file: string): WordVectors {
  const buf = readFileSync(file);
  if (buf.toString("latin1", 0, MAGIC.length) !== MAGIC) throw new Error(`${file} is not a word-vector file`);
  const count = buf.readUInt32LE(MAGIC.length);
  const dims = buf.readUInt32LE(MAGIC.length + 4);
  const wordBytes = buf.readUInt32LE(MAGIC.length + 8);
  let at = MAGIC.length + 12;
  const words = buf.toString("utf8", at, at + wordBytes).split("\n");
  at += wordBytes;
  // Copied out so the typed arrays are aligned whatever the words' byte length.
  const scales = new Float32Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + count * 4));
  at += count * 4;
  const q = new Int8Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + count * dims));
  return { dims, rank: new Map(words.map((w, i) => [w, i])), scales, q };
}

/**
 * The vectors, loaded on first use in the process that matches (the worker's
 * sandbox child; never the api). Null when the build has not produced them
 * and the package is not installed: the matcher then scores without meaning.
 */
export function wordVectors(): WordVectors | null {
  if (loaded !== undefined) return loaded;
  const file = embeddingsBinPath();
  loaded = existsSync(file) ? readWordVectors(file) : null;
  return loaded;
}

let converting: Promise<void> | undefined;

/**
 * The vectors, converting them first when the build has not (a test run in a
 * fresh checkout): the package's JSON is streamed, never parsed whole (≈5 s).
 * Where neither the binary nor the package is there, null as above.
 */
export async function ensureWordVectors(): Promise<WordVectors | null> {
  if (loaded) return loaded;
  const json = embeddingsJsonPath();
  if (!existsSync(embeddingsBinPath()) && json) {
    converting ??= convertEmbeddings(json, embeddingsBinPath()).then(() => undefined);
    await converting;
    loaded = undefined;
  }
  return wordVectors();
}

/** For tests and the bench: pretend the vectors are missing (null) or load them again (undefined). */
export function setWordVectors(v: WordVectors | null | undefined): void {
  loaded = v;
}
