import path from "node:path";
import type { Env } from "@atrium/config";
import { purposeKey } from "../shared/purpose-key.service.js";
import { localFileStorage } from "./local-storage.service.js";
import { s3Storage } from "./s3-storage.service.js";
import type { Storage } from "./storage.service.js";

export * from "./storage.service.js";
export { localFileStorage, verifyLocalSignature, LOCAL_FILES_PATH, type LocalStorageOptions, type SignatureCheck } from "./local-storage.service.js";
export { s3Storage, contentDisposition, type S3StorageOptions } from "./s3-storage.service.js";

const cache = new WeakMap<Env, Storage>();

/** Signs and checks local download URLs: SESSION_SECRET's download-url key, never the secret itself. */
export const downloadSigningKey = (config: Pick<Env, "SESSION_SECRET">) => purposeKey(config.SESSION_SECRET, "downloadUrl");

/** S3 when S3_BUCKET is set, else DATA_DIR/storage. One instance per config (the S3 client pools connections). */
export function storageFromConfig(config: Env): Storage {
  const cached = cache.get(config);
  if (cached) return cached;
  const storage = config.S3_BUCKET
    ? s3Storage({
        bucket: config.S3_BUCKET,
        region: config.S3_REGION,
        endpoint: config.S3_ENDPOINT,
        accessKeyId: config.S3_ACCESS_KEY_ID,
        secretAccessKey: config.S3_SECRET_ACCESS_KEY,
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
      })
    : localFileStorage({ root: path.join(config.DATA_DIR, "storage"), secret: downloadSigningKey(config), baseUrl: `${config.PUBLIC_URL.replace(/\/$/, "")}/api` });
  cache.set(config, storage);
  return storage;
}

/** The backup bucket (BACKUP_S3_BUCKET, with the S3_* endpoint and keys), or null: never the uploads bucket. */
export function backupMirrorFromConfig(config: Env): Storage | null {
  if (!config.BACKUP_S3_BUCKET) return null;
  return s3Storage({
    bucket: config.BACKUP_S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}
