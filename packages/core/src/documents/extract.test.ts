import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ServiceError } from "../shared/errors.js";
import { audioUploadsAllowed } from "../shared/limits.service.js";
import { allowedLabels, detectType, looksLikeText, SNIFF_BYTES } from "./detect.js";
import { extractText } from "./extract.js";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../test-fixtures/${name}`, import.meta.url)));
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("extractText", () => {
  it("reads the PDF fixture's text and page count", async () => {
    const { text, pageCount } = await extractText(fixture("resume.pdf"), "application/pdf");
    expect(text).toBe("Jane Doe - Senior Software Engineer\nSkills: TypeScript, Node.js, PostgreSQL");
    expect(pageCount).toBe(1);
  });

  it("reads the DOCX fixture's paragraphs", async () => {
    const { text } = await extractText(fixture("job-description.docx"), DOCX);
    expect(text).toBe("Backend Engineer wanted\n\nRequirements: TypeScript, PostgreSQL, Redis");
  });

  it("reads text as UTF-8", async () => {
    const { text } = await extractText(fixture("notes.md"), "text/markdown");
    expect(text).toContain("naïve résumé");
  });

  it("answers garbage with a BAD_REQUEST that says what it could not read", async () => {
    const pdf = extractText(Buffer.from("this is not a pdf at all"), "application/pdf");
    await expect(pdf).rejects.toBeInstanceOf(ServiceError);
    await expect(pdf).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^Could not read this PDF: /) });
    await expect(extractText(Buffer.from("PK not a zip"), DOCX)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^Could not read this DOCX: /) });
    await expect(extractText(Buffer.from([0xff, 0xfe, 0x00]), "text/plain")).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("detectType", () => {
  it("judges by content, not by name", async () => {
    await expect(detectType(fixture("resume.pdf"), { allowAudio: false })).resolves.toEqual({ ok: true, type: { mimeType: "application/pdf", label: "PDF" } });
    await expect(detectType(fixture("job-description.docx"), { allowAudio: false })).resolves.toMatchObject({ ok: true, type: { mimeType: DOCX } });
    await expect(detectType(fixture("image-named.pdf"), { allowAudio: false, filename: "cv.pdf" })).resolves.toMatchObject({ ok: false, detected: "image/png", reason: "unsupported" });
    await expect(detectType(fixture("notes.md"), { allowAudio: false, filename: "notes.md" })).resolves.toMatchObject({ ok: true, type: { mimeType: "text/markdown" } });
    await expect(detectType(Buffer.from("plain"), { allowAudio: false, filename: "a.txt" })).resolves.toMatchObject({ ok: true, type: { mimeType: "text/plain" } });
  });

  it("accepts audio only when allowed", async () => {
    // A RIFF/WAVE header followed by silence.
    const wav = Buffer.concat([Buffer.from("RIFF"), Buffer.from([36, 0, 0, 0]), Buffer.from("WAVEfmt "), Buffer.alloc(200)]);
    await expect(detectType(wav, { allowAudio: false })).resolves.toMatchObject({ ok: false, detected: expect.stringMatching(/^audio\//) });
    await expect(detectType(wav, { allowAudio: true })).resolves.toMatchObject({ ok: true, type: { label: "WAV" } });
  });

  it("accepts recordings (WAV, FLAC) once a transcription provider is configured, without ALLOW_AUDIO_UPLOADS", async () => {
    const wav = Buffer.concat([Buffer.from("RIFF"), Buffer.from([36, 0, 0, 0]), Buffer.from("WAVEfmt "), Buffer.alloc(200)]);
    const flac = Buffer.concat([Buffer.from("fLaC"), Buffer.from([0x80, 0, 0, 34]), Buffer.alloc(200)]);
    const withProvider = audioUploadsAllowed({ ALLOW_AUDIO_UPLOADS: false, TRANSCRIPTION_BASE_URL: "http://127.0.0.1:9/v1" });
    const without = audioUploadsAllowed({ ALLOW_AUDIO_UPLOADS: false, TRANSCRIPTION_BASE_URL: undefined });
    await expect(detectType(wav, { allowAudio: withProvider })).resolves.toMatchObject({ ok: true, type: { label: "WAV" } });
    await expect(detectType(flac, { allowAudio: withProvider })).resolves.toMatchObject({ ok: true, type: { label: "FLAC" } });
    await expect(detectType(flac, { allowAudio: without })).resolves.toMatchObject({ ok: false });
    expect(allowedLabels(withProvider)).toEqual(expect.arrayContaining(["MP3", "WAV", "M4A", "OGG", "FLAC"]));
  });

  it("treats text as UTF-8 without NUL bytes, even when the head cuts a character in half", () => {
    const text = Buffer.from("é".repeat(SNIFF_BYTES));
    expect(looksLikeText(text.subarray(0, SNIFF_BYTES - 1))).toBe(true);
    expect(looksLikeText(Buffer.from("abc\0def"))).toBe(false);
    expect(looksLikeText(Buffer.from([0xc3, 0x28, 0x41, 0x42, 0x43]))).toBe(false);
  });
});
