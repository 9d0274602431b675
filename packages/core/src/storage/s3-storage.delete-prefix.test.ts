import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3Storage } from "./s3-storage.service.js";
import { accountPrefix } from "./storage.service.js";

/**
 * A stand-in for the two S3 calls deletePrefix makes (ListObjectsV2, paged,
 * and DeleteObjects), over a bucket kept in a Set: the SDK's own requests and
 * XML parsing run for real, only the far end is fake.
 */
const objects = new Set<string>();
const PAGE = 3;
let server: Server;
let endpoint: string;

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>${body}`;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://s3.test");
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      res.setHeader("content-type", "application/xml");
      if (req.method === "GET" && url.searchParams.get("list-type") === "2") {
        const prefix = url.searchParams.get("prefix") ?? "";
        const after = url.searchParams.get("continuation-token") ?? "";
        const keys = [...objects].filter((k) => k.startsWith(prefix) && k > after).sort();
        const page = keys.slice(0, PAGE);
        const truncated = keys.length > PAGE;
        res.end(
          xml(
            `<ListBucketResult><Name>b</Name><Prefix>${esc(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${PAGE}</MaxKeys><IsTruncated>${truncated}</IsTruncated>` +
              page.map((k) => `<Contents><Key>${esc(k)}</Key><Size>1</Size></Contents>`).join("") +
              (truncated ? `<NextContinuationToken>${esc(page.at(-1) ?? "")}</NextContinuationToken>` : "") +
              `</ListBucketResult>`,
          ),
        );
        return;
      }
      if (req.method === "POST" && url.searchParams.has("delete")) {
        const keys = [...body.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1] ?? "");
        for (const k of keys) objects.delete(k);
        res.end(xml(`<DeleteResult>${keys.map((k) => `<Deleted><Key>${esc(k)}</Key></Deleted>`).join("")}</DeleteResult>`));
        return;
      }
      res.statusCode = 400;
      res.end(xml("<Error><Code>NotImplemented</Code></Error>"));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("s3 storage deletePrefix", () => {
  it("deletes every object under a tenant's prefix across listing pages, and nothing else", async () => {
    const a = "aaaaaaaa-1111-4111-8111-111111111111";
    const b = "bbbbbbbb-1111-4111-8111-111111111111";
    for (let i = 0; i < 7; i++) objects.add(`accounts/${a}/documents/d${i}/cv.pdf`);
    objects.add(`accounts/${b}/documents/d0/cv.pdf`);
    objects.add(`accounts/${a}x/documents/d0/cv.pdf`);
    const storage = s3Storage({ bucket: "b", region: "us-east-1", endpoint, accessKeyId: "k", secretAccessKey: "s", forcePathStyle: true });
    await storage.deletePrefix(accountPrefix(a));
    expect([...objects].sort()).toEqual([`accounts/${a}x/documents/d0/cv.pdf`, `accounts/${b}/documents/d0/cv.pdf`]);
  });
});

describe("s3 storage list", () => {
  it("lists every key under a prefix, and the whole bucket with an empty one, across listing pages", async () => {
    objects.clear();
    for (let i = 0; i < 5; i++) objects.add(`accounts/c/documents/d${i}/f.txt`);
    objects.add("accounts/d/documents/d0/f.txt");
    const storage = s3Storage({ bucket: "b", region: "us-east-1", endpoint, accessKeyId: "k", secretAccessKey: "s", forcePathStyle: true });
    const keys = async (prefix: string) => {
      const out: string[] = [];
      for await (const k of storage.list(prefix)) out.push(k);
      return out.sort();
    };
    expect(await keys("accounts/c/")).toHaveLength(5);
    expect(await keys("")).toEqual([...objects].sort());
  });
});
