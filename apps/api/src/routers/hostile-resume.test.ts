import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractUploadedDocument } from "@atrium/core";
import { docxBomb, encryptedPdf, flateBombPdf, imageOnlyPdf, manyPagesPdf, nestedPdf, textPdf } from "@atrium/core/testing";
import { startTestApi, type TestApi } from "../testing.js";
import { candidate, employer, posting } from "./application.test-helpers.js";
import { fixture, upload } from "./document.test-helpers.js";
import { rest } from "./tenancy.test-helpers.js";

// Issue 15's apply path under hostile résumé files, through the real upload route: each file is
// refused at upload with a 4xx naming the `file` field, or accepted and its extraction (the
// worker's rule, run here as the worker runs it) ends as a readable failure that applying then
// names. Never a 500, never "being read" forever.

const LIMIT = 512 * 1024; // MAX_UPLOAD_MB 0.5
let api: TestApi;
let ann: Awaited<ReturnType<typeof candidate>>;
let jobId: string;

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false", MAX_UPLOAD_MB: "0.5", DOCUMENT_TASK_TIMEOUT_MS: "20000" });
  const a = await employer(api, "hr");
  ann = await candidate(api, "hr-ann");
  jobId = (await posting(api, a.account.id, "Hostile Engineer")).id;
}, 60_000);
afterAll(async () => {
  await api?.close();
});

const fieldsOf = (r: { body: unknown }) => (r.body as { data?: { fieldErrors?: Record<string, string[]> | null } }).data?.fieldErrors ?? {};
const send = (name: string, bytes: Uint8Array) => upload(api, ann.token, { name, bytes }, { kind: "resume" });
const apply = (resumeDocumentId: string) => rest(api, ann.token, "POST", "/recruiting/applications/", { postingId: jobId, resumeDocumentId });

/** Uploads, extracts as the worker does, and returns the document as its owner reads it. */
async function uploadAndRead(name: string, bytes: Uint8Array) {
  const up = await send(name, bytes);
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  const id = String(up.body.id);
  await extractUploadedDocument(api.svc, id);
  const doc = await rest(api, ann.token, "GET", `/documents/${id}/`);
  return { id, doc: doc.body as { extractionStatus: string; extractionError: string | null; filename: string; mimeType: string; textPreview: string | null } };
}

/** The document ended failed with `reason`, and applying with it is a 400 on resumeDocumentId that says why. */
async function unreadable(name: string, bytes: Uint8Array, reason: RegExp) {
  const { id, doc } = await uploadAndRead(name, bytes);
  expect(doc.extractionStatus).toBe("failed");
  expect(doc.extractionError).toMatch(reason);
  const res = await apply(id);
  expect(res.status).toBe(400);
  expect(fieldsOf(res).resumeDocumentId?.[0]).toBe(`${doc.filename} couldn't be read: ${doc.extractionError}`);
}

describe("hostile résumés refused at upload, naming the file field", () => {
  it.each([
    ["an empty file", "resume.pdf", Buffer.alloc(0), 400, /^The file is empty/],
    ["a Windows program named resume.pdf", "resume.pdf", Buffer.concat([Buffer.from("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0", "latin1"), Buffer.alloc(400)]), 415, /^Unsupported file type: detected application\/x-msdownload/],
    ["HTML named resume.pdf", "resume.pdf", Buffer.from("<!doctype html><html><body><script>alert(1)</script>Jane Doe</body></html>"), 415, /^resume\.pdf is not a PDF: its content is text/],
    ["a PDF named resume.docx", "resume.docx", fixture("resume.pdf"), 415, /^resume\.docx is not a DOCX: its content is a PDF/],
    ["UTF-16 text (NUL bytes in its head)", "resume.txt", Buffer.from("\ufeffJane Doe, nurse", "utf16le"), 415, /^Unsupported file type: detected binary data/],
    ["invalid UTF-8 in its head", "resume.txt", Buffer.from([0x4a, 0x61, 0xff, 0xfe, 0x6e, 0x65]), 415, /^Unsupported file type: detected binary data/],
  ])("%s", async (_what, name, bytes, status, message) => {
    const res = await send(name, bytes);
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(message);
    expect(fieldsOf(res).file?.[0]).toBe(res.body.message);
  });

  it("takes a file of exactly the upload limit and refuses one byte more with 413", async () => {
    const at = Buffer.alloc(LIMIT, "a");
    expect((await send("at-limit.txt", at)).status).toBe(201);
    const over = await send("over-limit.txt", Buffer.alloc(LIMIT + 1, "a"));
    expect(over.status).toBe(413);
    expect(over.body.message).toBe("File too large: the limit is 0.5 MB");
    expect(fieldsOf(over).file?.[0]).toBe(over.body.message);
  });
});

describe("hostile résumés accepted, then ending as a readable failure that applying names", () => {
  it("a DOCX zip bomb (≈200 KB inflating to 60 MB)", async () => {
    await unreadable("cv.docx", docxBomb(60), /^Document too large or complex to read: it unpacks to 60 MB/);
  }, 60_000);

  it("a PDF with a huge page count", async () => {
    await unreadable("cv.pdf", manyPagesPdf(2001), /^Document too large or complex to read: it has 2001 pages \(at most 2000\)/);
  }, 60_000);

  it("a PDF bomb (≈300 KB whose content stream inflates to 100 MB of text operators), stopped by the sandbox's limits", async () => {
    // Whichever limit trips first (the deadline or the heap), it ends the same way.
    await unreadable("cv.pdf", flateBombPdf(100), /^Document too large or complex to read: /);
  }, 90_000);

  it("a PDF with deeply nested objects", async () => {
    await unreadable("cv.pdf", nestedPdf(100_000), /^Document too large or complex to read: its objects nest too deeply/);
  }, 60_000);

  it("an encrypted PDF", async () => {
    await unreadable("cv.pdf", encryptedPdf(), /password-protected/);
  });

  it("a truncated PDF", async () => {
    const whole = fixture("resume.pdf");
    await unreadable("cv.pdf", whole.subarray(0, Math.floor(whole.length * 0.6)), /^Could not read this PDF: .*the file may be incomplete/);
  });

  it("a PDF with no text (a scanned image only)", async () => {
    await unreadable("scan.pdf", imageOnlyPdf(), /no text.*scanned/i);
  });

  it("a text résumé with a NUL byte past the part the type is judged by", async () => {
    await unreadable("cv.txt", Buffer.concat([Buffer.from("Jane Doe, nurse. ".repeat(300)), Buffer.from([0]), Buffer.from(" more")]), /NUL/);
  });

  it("a text résumé with invalid UTF-8 past the part the type is judged by", async () => {
    await unreadable("cv.txt", Buffer.concat([Buffer.from("Jane Doe, nurse. ".repeat(300)), Buffer.from([0xc3, 0x28])]), /not valid UTF-8/);
  });

  it("a résumé still being read is refused with a message naming the field", async () => {
    const up = await send("fresh.txt", Buffer.from("Jane Doe, TypeScript"));
    const res = await apply(String(up.body.id));
    expect(res.status).toBe(400);
    expect(fieldsOf(res).resumeDocumentId?.[0]).toMatch(/still being read/);
  });
});

describe("hostile résumés that are read", () => {
  it("a polyglot (a real PDF with a DOCX bomb appended) is read as the PDF it starts as; the zip is never inflated", async () => {
    const { doc } = await uploadAndRead("cv.pdf", Buffer.concat([fixture("resume.pdf"), docxBomb(60)]));
    expect(doc).toMatchObject({ mimeType: "application/pdf", extractionStatus: "done" });
    expect(doc.textPreview).toContain("Jane Doe");
  }, 60_000);

  it("control characters in a PDF's text are not stored", async () => {
    const { id, doc } = await uploadAndRead("cv.pdf", textPdf(["Jane\u0000Doe \u0007\u001b[31mEngineer", "TypeScript"]));
    expect(doc.extractionStatus).toBe("done");
// eslint-disable-next-line no-control-regex -- the control characters are what is looked for
    expect(doc.textPreview).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect((await apply(id)).status).toBe(200);
  });
});

describe("hostile file names", () => {
  const named = async (name: string) => {
    // A raw part: the name goes out byte for byte (FormData would escape some of it).
    const boundary = "----atrium-hostile";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nresume\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; ${name}\r\nContent-Type: text/plain\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(head, "utf8"), Buffer.from("Jane Doe, TypeScript engineer"), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const res = await fetch(`${api.url}/api/documents/`, { method: "POST", headers: { authorization: `Bearer ${ann.token}`, "content-type": `multipart/form-data; boundary=${boundary}` }, body });
    return { status: res.status, body: (await res.json()) as { filename?: string; message?: string } };
  };

  it.each([
    ["path traversal", 'filename="../../../etc/passwd.txt"', "passwd.txt"],
    ["Windows path traversal", 'filename="..\\\\..\\\\boot.txt"', "boot.txt"],
    ["control characters and a NUL", "filename*=UTF-8''cv%00%07%1B%5B31m%0D%0A.txt", "cv[31m.txt"],
    ["an RTL override hiding .exe", "filename*=UTF-8''resume%E2%80%AEtxt.exe", "resumetxt.exe"],
    ["300 characters", `filename="${"a".repeat(296)}.txt"`, `${"a".repeat(196)}.txt`],
    // Browsers and curl send the name's UTF-8 bytes as they are, not as filename*.
    ["accents, as a browser sends them", 'filename="résumé Zoë.txt"', "résumé Zoë.txt"],
    ["an RTL override, as a browser sends it", 'filename="cv\u202Efdp.txt"', "cvfdp.txt"],
  ])("%s: stored and shown under a clean name", async (_what, disposition, expected) => {
    const res = await named(disposition);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.filename).toBe(expected);
  });
});
