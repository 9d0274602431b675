import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { archiveLines, type ArchiveSource } from "./archive-reader.js";

const source = (bytes: Buffer, gzip = false): ArchiveSource => ({ open: () => Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]), gzip });

async function lines(src: ArchiveSource, maxLineChars?: number) {
  const out: { n: number; text: string }[] = [];
  for await (const line of archiveLines(src, 1024 * 1024, maxLineChars)) out.push(line);
  return out;
}

describe("archiveLines", () => {
  it("numbers lines across chunk borders, skipping blank ones, with or without gzip", async () => {
    const text = Buffer.from('{"a":1}\n\n{"b":2}\n{"c":3}');
    const expected = [
      { n: 1, text: '{"a":1}' },
      { n: 3, text: '{"b":2}' },
      { n: 4, text: '{"c":3}' },
    ];
    expect(await lines(source(text))).toEqual(expected);
    expect(await lines(source(gzipSync(text), true))).toEqual(expected);
  });

  it("refuses a line longer than the cap instead of growing one string (zeros without a newline)", async () => {
    const zeros = gzipSync(Buffer.concat([Buffer.from('{"a":1}\n'), Buffer.alloc(200_000, 0)]));
    await expect(lines(source(zeros, true), 100_000)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("line 2 is longer than 100000") });
  });
});
