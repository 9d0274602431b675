import { DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { Readable } from "node:stream";
import { assertSafeKey, StorageNotFoundError, type Storage } from "./storage.service.js";

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** MinIO, LocalStack, ...; AWS itself when absent. */
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
}

const contentDisposition = (filename: string) => `attachment; filename="${filename.replace(/["\\\r\n]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** An S3-compatible bucket (AWS S3, MinIO, LocalStack). */
export function s3Storage(opts: S3StorageOptions): Storage {
  const config: S3ClientConfig = { region: opts.region, forcePathStyle: opts.forcePathStyle ?? false };
  if (opts.endpoint) config.endpoint = opts.endpoint;
  if (opts.accessKeyId && opts.secretAccessKey) config.credentials = { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey };
  const client = new S3Client(config);
  const Bucket = opts.bucket;
  return {
    kind: "s3",
    async put(key, body, { contentType }) {
      assertSafeKey(key);
      // A multipart upload streams without knowing the length; aborted ones are cleaned up by lib-storage.
      const upload = new Upload({ client, params: { Bucket, Key: key, Body: body instanceof Readable ? body : Buffer.from(body), ContentType: contentType } });
      await upload.done();
    },
    async get(key) {
      assertSafeKey(key);
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!(out.Body instanceof Readable)) throw new Error("S3 returned no readable body");
        return out.Body;
      } catch (err) {
        if (err instanceof NoSuchKey || (err as { name?: string }).name === "NoSuchKey") throw new StorageNotFoundError(key);
        throw err;
      }
    },
    async delete(key) {
      assertSafeKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async deletePrefix(prefix) {
      assertSafeKey(prefix.replace(/\/$/, ""));
      // A listing page is at most 1000 keys, which is also DeleteObjects' limit: one batch per page.
      for (let token: string | undefined; ; ) {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken: token }));
        const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
        if (keys.length) await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys, Quiet: true } }));
        if (!page.IsTruncated || !page.NextContinuationToken) return;
        token = page.NextContinuationToken;
      }
    },
    async *list(prefix) {
      for (let token: string | undefined; ; ) {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix || undefined, ContinuationToken: token }));
        for (const o of page.Contents ?? []) if (o.Key) yield o.Key;
        if (!page.IsTruncated || !page.NextContinuationToken) return;
        token = page.NextContinuationToken;
      }
    },
    async signedUrl(key, { expiresInSeconds, filename }) {
      assertSafeKey(key);
      const command = new GetObjectCommand({ Bucket, Key: key, ResponseContentDisposition: contentDisposition(filename) });
      return getSignedUrl(client, command, { expiresIn: expiresInSeconds });
    },
  };
}

export { contentDisposition };
