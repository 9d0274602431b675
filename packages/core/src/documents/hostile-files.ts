import { deflateSync } from "node:zlib";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

// Hostile documents for tests (exported through @atrium/core/testing): real, hand-built PDFs
// whose every byte offset in the cross-reference table is right, so pdf.js reads them as it
// would a real file and fails (or not) on the hostile part only.


/** A PDF 1.4 of the given objects (numbered from 1; object 1 is the catalog) with a correct xref table. */
export function buildPdf(objects: string[], trailerExtra = ""): Buffer {
  const chunks: string[] = ["%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"];
  const offsets: number[] = [];
  let length = Buffer.byteLength(chunks[0] as string, "latin1");
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj = `${i + 1} 0 obj\n${body}\nendobj\n`;
    chunks.push(obj);
    length += Buffer.byteLength(obj, "latin1");
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  chunks.push(xref, `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`);
  return Buffer.from(chunks.join(""), "latin1");
}

const stream = (content: string) => `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`;
const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
/** A PDF string literal: backslash, parentheses and bytes outside printable ASCII escaped (octal). */
const literal = (s: string) =>
  `(${[...Buffer.from(s, "latin1")].map((b) => (b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b < 0x20 || b > 0x7e ? `\\${b.toString(8).padStart(3, "0")}` : String.fromCharCode(b))).join("")})`;

/** One page showing each line (Helvetica); lines may hold any byte 0-255, control characters included. */
export function textPdf(lines: string[]): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `${literal(l)} '`).join(" ")} ET`;
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    stream(content),
    FONT,
  ]);
}

/** A scanned page: one page that only paints an image (a 1×1 grey pixel), no text at all. */
export function imageOnlyPdf(): Buffer {
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
    stream("q 612 0 0 792 0 0 cm /Im1 Do Q"),
    "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\u0080\nendstream",
  ]);
}

/** `pages` pages sharing one empty content stream: a few dozen bytes per page, so 100,000 pages fit in a few MB. */
export function manyPagesPdf(pages: number): Buffer {
  const first = 4; // page objects start after catalog, pages, content
  const kids = Array.from({ length: pages }, (_, i) => `${first + i} 0 R`).join(" ");
  const page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>";
  return buildPdf(["<< /Type /Catalog /Pages 2 0 R >>", `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`, stream(""), ...Array.from({ length: pages }, () => page)]);
}

/** A page whose resources nest arrays `depth` deep (the parser recurses once per level). */
export function nestedPdf(depth: number): Buffer {
  const nested = `${"[".repeat(depth)}${"]".repeat(depth)}`;
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /Deep ${nested} >> >>`,
    stream(`BT /F1 12 Tf 72 720 Td (Deep) Tj ET`),
    FONT,
  ]);
}

/** A PDF bomb: one page whose compressed content stream inflates to `inflatedMb` MB of text operators (≈3 KB per MB). */
export function flateBombPdf(inflatedMb: number): Buffer {
  const line = Buffer.from("BT /F1 12 Tf 72 720 Td (Jane Doe engineer TypeScript) Tj ET\n");
  const raw = Buffer.alloc(inflatedMb * 1024 * 1024);
  for (let at = 0; at + line.length <= raw.length; at += line.length) line.copy(raw, at);
  const packed = deflateSync(raw, { level: 9 });
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n${packed.toString("latin1")}\nendstream`,
    FONT,
  ]);
}

/** A PDF protected by the standard security handler with a user password we don't know. */
export function encryptedPdf(): Buffer {
  const hex32 = (b: number) => `<${b.toString(16).padStart(2, "0").repeat(32)}>`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
    stream("garbled"),
    `<< /Filter /Standard /V 1 /R 2 /O ${hex32(0x11)} /U ${hex32(0x22)} /P -4 >>`,
  ];
  return buildPdf(objects, `/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] `);
}


const enc = new TextEncoder();
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/**
 * The attack as reproduced: a DOCX of about a megabyte whose word/document.xml
 * inflates to `inflatedMb` megabytes of paragraphs. Streamed through fflate one
 * megabyte at a time, so building it never holds the inflated XML in memory.
 */
export function docxBomb(inflatedMb: number): Buffer {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  const types = new ZipPassThrough("[Content_Types].xml");
  zip.add(types);
  types.push(enc.encode(CONTENT_TYPES), true);
  const doc = new ZipDeflate("word/document.xml", { level: 9 });
  zip.add(doc);
  doc.push(enc.encode('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'));
  const para = "<w:p><w:r><w:t>a</w:t></w:r></w:p>";
  const megabyte = enc.encode(para.repeat(Math.floor((1024 * 1024) / para.length)));
  for (let i = 0; i < inflatedMb; i++) doc.push(megabyte);
  doc.push(enc.encode("</w:body></w:document>"), true);
  zip.end();
  return Buffer.concat(parts);
}
