import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ServiceError } from "../shared/errors.js";
import { capText } from "../analyzers/text-cap.js";
import { conditionsOf, runSandboxed } from "./sandbox.service.js";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../test-fixtures/${name}`, import.meta.url)));
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const LIMITS = { timeoutMs: 20_000, memoryMb: 128 };
const MB = 1024 * 1024;

/** A DOCX-shaped zip whose document.xml inflates to `mb` megabytes of one repeated paragraph. */
function docxOf(mb: number): Uint8Array {
  const para = "<w:p><w:r><w:t>bomb</w:t></w:r></w:p>";
  const body = para.repeat(Math.ceil((mb * MB) / para.length));
  const xml = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({ "[Content_Types].xml": new TextEncoder().encode("<Types/>"), "word/document.xml": new TextEncoder().encode(xml) }, { level: 9 });
}

/** A one-page PDF whose content stream is a small deflated blob that pdf.js inflates to `mb` megabytes of text operators. */
function pdfBomb(mb: number): Buffer {
  const ops = Buffer.from("BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n".repeat(Math.ceil((mb * MB) / 36)));
  const stream = deflateSync(ops, { level: 9 });
  const head = [
    "%PDF-1.4",
    "1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj",
    "2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj",
    "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>> endobj",
    "5 0 obj <</Type/Font/Subtype/Type1/BaseFont/Helvetica>> endobj",
    `4 0 obj <</Length ${stream.length}/Filter/FlateDecode>> stream\n`,
  ].join("\n");
  return Buffer.concat([Buffer.from(head), stream, Buffer.from("\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")]);
}

describe("runSandboxed", () => {
  it("extracts a real DOCX and PDF in a child process", async () => {
    await expect(runSandboxed({ kind: "extract", bytes: fixture("job-description.docx"), mimeType: DOCX, maxUncompressedBytes: 50 * MB }, LIMITS)).resolves.toEqual({
      text: "Backend Engineer wanted\n\nRequirements: TypeScript, PostgreSQL, Redis",
    });
    await expect(runSandboxed({ kind: "extract", bytes: fixture("resume.pdf"), mimeType: "application/pdf", maxUncompressedBytes: 50 * MB }, LIMITS)).resolves.toMatchObject({ pageCount: 1 });
  });

  it("refuses a DOCX whose entries claim more than the limit, before inflating it, as a permanent BAD_REQUEST", async () => {
    const bomb = docxOf(4);
    expect(bomb.length).toBeLessThan(MB / 10);
    const out = runSandboxed({ kind: "extract", bytes: bomb, mimeType: DOCX, maxUncompressedBytes: 2 * MB }, LIMITS);
    await expect(out).rejects.toBeInstanceOf(ServiceError);
    await expect(out).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Document too large or complex to read: it unpacks to 4 MB (at most 2 MB)" });
  });

  it("ends a task that outgrows the child's heap as 'too large or complex', and the process goes on", async () => {
    // Under the unpack limit, so mammoth really parses it: 60 MB of XML in a 32 MB heap.
    const out = runSandboxed({ kind: "extract", bytes: docxOf(60), mimeType: DOCX, maxUncompressedBytes: 100 * MB }, { timeoutMs: 60_000, memoryMb: 32 });
    await expect(out).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Document too large or complex to read: it needed more than 32 MB of memory" });
    await expect(runSandboxed({ kind: "extract", bytes: Buffer.from("still alive"), mimeType: "text/plain", maxUncompressedBytes: MB }, LIMITS)).resolves.toEqual({ text: "still alive" });
  }, 90_000);

  it("ends a PDF whose streams inflate past the heap as 'too large or complex' too", async () => {
    const bomb = pdfBomb(100);
    expect(bomb.length).toBeLessThan(MB);
    const out = runSandboxed({ kind: "extract", bytes: bomb, mimeType: "application/pdf", maxUncompressedBytes: 50 * MB }, { timeoutMs: 60_000, memoryMb: 64 });
    await expect(out).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^Document too large or complex to read: /) });
  }, 90_000);

  it("stops a task at its deadline", async () => {
    const out = runSandboxed({ kind: "extract", bytes: docxOf(60), mimeType: DOCX, maxUncompressedBytes: 100 * MB }, { timeoutMs: 200, memoryMb: 512 });
    await expect(out).rejects.toMatchObject({ message: "Document too large or complex to read: reading it took longer than 0 s" });
  });

  it("runs the local analyzer in a child process", async () => {
    const out = await runSandboxed<{ result: { skills: string[] } }>({ kind: "analyze", op: "analyzeDocument", args: ["Built REST APIs in TypeScript on Node.js."] }, LIMITS);
    expect(out.result.skills).toEqual(expect.arrayContaining(["TypeScript", "Node.js"]));
  });
});

describe("capText", () => {
  it("leaves short text alone and cuts long text at a space near the limit, saying how much it kept", () => {
    expect(capText("short text", 100)).toEqual({ text: "short text", cap: { analyzedChars: 10, totalChars: 10, truncated: false } });
    const long = "word ".repeat(100);
    const { text, cap } = capText(long, 42);
    expect(text).toBe("word ".repeat(7) + "word");
    expect(cap).toEqual({ analyzedChars: 39, totalChars: 500, truncated: true });
    expect(capText("x".repeat(1000), 300).text).toHaveLength(300);
  });
});

describe("conditionsOf", () => {
  it("passes the parent's export conditions on to the compiled child, in either spelling", () => {
    expect(conditionsOf(["--conditions=compiled", "--enable-source-maps", "-C", "x", "--import", "tsx"])).toEqual(["--conditions=compiled", "-C", "x"]);
  });
});
