import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { type Command, Option } from "commander";
import type { CliContext, Target } from "../cli/context.js";
import { CliError } from "../cli/io.js";
import { firstItems, wholeNumber } from "../cli/numbers.js";
import { printJson, printLines, printTable, when } from "../cli/output.js";
import { DOCUMENT_KINDS, type TDocumentKind } from "../contracts.js";
import { downloadDocument } from "../helpers/download.js";
import { paginate } from "../helpers/paginate.js";
import { uploadDocument } from "../helpers/upload.js";
import type { RestTarget } from "../rest.js";

const rest = (t: Target): RestTarget => ({ baseUrl: t.url, token: t.token });
const kindOption = () => new Option("--kind <kind>", "what the document is").choices(DOCUMENT_KINDS);
const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`);

/** `atrium documents upload|list|download|delete`: the account's files. */
export function registerDocuments(program: Command, ctx: CliContext): void {
  const documents = program.command("documents").description("your account's documents: upload, list, download, delete");

  documents
    .command("upload")
    .description("upload a file (PDF, DOCX, text/Markdown), streamed from disk")
    .argument("<file>", "the file to upload")
    .addOption(kindOption().default("other"))
    .option("--account <id>", "account id (default: your home account)")
    .option("--json", "print JSON")
    .action(async (file: string, opts: { kind: TDocumentKind; account?: string; json?: boolean }, cmd: Command) => {
      const { target } = await ctx.client(cmd);
      const info = await stat(file).catch(() => {
        throw new CliError(`Cannot read ${file}`);
      });
      if (!info.isFile()) throw new CliError(`${file} is not a file`);
      const doc = await uploadDocument(rest(target), createReadStream(file), { filename: path.basename(file), kind: opts.kind, accountId: opts.account, size: info.size });
      if (opts.json) return printJson(ctx.io, doc);
      printLines(ctx.io, `Uploaded ${doc.filename} (${doc.id}, ${doc.mimeType}, ${size(doc.sizeBytes)}).`);
    });

  documents
    .command("list")
    .description("documents, newest first")
    .addOption(kindOption())
    .option("--account <id>", "account id (default: your home account)")
    .addOption(new Option("--limit <n>", "at most this many (1-1000)").default(50).argParser(wholeNumber(1, 1000)))
    .option("--json", "print JSON")
    .action(async (opts: { kind?: TDocumentKind; account?: string; limit: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const items = await firstItems(paginate(client.documents.list, { kind: opts.kind, accountId: opts.account, limit: Math.min(opts.limit, 100) }), opts.limit);
      if (opts.json) return printJson(ctx.io, items);
      if (items.length === 0) return printLines(ctx.io, "No documents.");
      printTable(
        ctx.io,
        ["ID", "NAME", "KIND", "SIZE", "TEXT", "UPLOADED"],
        items.map((d) => [d.id, d.filename, d.kind, size(d.sizeBytes), d.extractionStatus, when(d.createdAt)]),
      );
    });

  documents
    .command("download")
    .description("save a document's file (to its own name in this directory by default)")
    .argument("<id>", "document id")
    .option("-o, --output <file>", "where to write it; - for standard output")
    .option("--json", "print JSON (where it was saved)")
    .action(async (id: string, opts: { output?: string; json?: boolean }, cmd: Command) => {
      const { client, target } = await ctx.client(cmd);
      const { filename, body } = await downloadDocument(client, rest(target), id);
      const source = Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
      if (opts.output === "-") {
        const out = ctx.io.stdout as { write(chunk: Uint8Array | string): unknown };
        for await (const chunk of source) out.write(chunk as Uint8Array);
        return;
      }
      // The stored name comes from the uploader: only its last segment, never a path.
      const out = path.resolve(ctx.io.cwd ?? ".", opts.output ?? path.basename(filename.replace(/\\/g, "/")));
      await pipeline(source, createWriteStream(out));
      const bytes = (await stat(out)).size;
      if (opts.json) return printJson(ctx.io, { id, filename, path: out, sizeBytes: bytes });
      printLines(ctx.io, `Saved ${filename} to ${out} (${size(bytes)}).`);
    });

  documents
    .command("delete")
    .description("delete a document (purged after the retention period)")
    .argument("<id>", "document id")
    .option("--json", "print JSON")
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const doc = await client.documents.delete.mutate({ id });
      if (opts.json) return printJson(ctx.io, doc);
      printLines(ctx.io, `Deleted ${doc.filename} (${doc.id}).`);
    });
}
