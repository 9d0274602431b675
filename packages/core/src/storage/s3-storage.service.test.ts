import { describe, expect, it } from "vitest";
import { s3Storage } from "./s3-storage.service.js";

/**
 * No S3 here: presigning is local computation, so the URL is checked for the
 * right endpoint, bucket, key, expiry and download name. put/get/delete are
 * exercised only against a real bucket (not in this suite).
 */
describe("s3 storage signed URLs", () => {
  const key = "accounts/a/documents/d/cv.pdf";
  it("presigns a path-style URL on a custom endpoint (MinIO, LocalStack)", async () => {
    const storage = s3Storage({ bucket: "atrium", region: "us-east-1", endpoint: "http://127.0.0.1:9000", accessKeyId: "minio", secretAccessKey: "minio-secret", forcePathStyle: true });
    const url = new URL(await storage.signedUrl(key, { expiresInSeconds: 300, filename: "My CV.pdf" }));
    expect(url.host).toBe("127.0.0.1:9000");
    expect(url.pathname).toBe(`/atrium/${key}`);
    expect(url.searchParams.get("X-Amz-Expires")).toBe("300");
    expect(url.searchParams.get("X-Amz-Credential")).toMatch(/^minio\/\d{8}\/us-east-1\/s3\/aws4_request$/);
    expect(url.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get("response-content-disposition")).toContain('filename="My CV.pdf"');
  });

  it("presigns a virtual-hosted URL on AWS", async () => {
    const storage = s3Storage({ bucket: "atrium-docs", region: "eu-west-1", accessKeyId: "AKIAEXAMPLE", secretAccessKey: "secret" });
    const url = new URL(await storage.signedUrl(key, { expiresInSeconds: 60, filename: "cv.pdf" }));
    expect(url.host).toBe("atrium-docs.s3.eu-west-1.amazonaws.com");
    expect(url.pathname).toBe(`/${key}`);
  });
});
