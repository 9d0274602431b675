import type { Env } from "@atrium/config";
import type { TLimits } from "./limits.schema.js";

/** The configured limits users meet (upload size, top-up range), from the same config the checks read. */
export function limitsOf(config: Pick<Env, "MAX_UPLOAD_MB" | "ALLOW_AUDIO_UPLOADS" | "TOPUP_MIN_DOLLARS" | "TOPUP_MAX_DOLLARS">): TLimits {
  return {
    maxUploadMb: config.MAX_UPLOAD_MB,
    audioUploads: config.ALLOW_AUDIO_UPLOADS,
    topupMinDollars: config.TOPUP_MIN_DOLLARS,
    topupMaxDollars: config.TOPUP_MAX_DOLLARS,
  };
}
