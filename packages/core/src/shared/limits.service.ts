import type { Env } from "@atrium/config";
import type { TLimits } from "./limits.schema.js";

/** Audio uploads: asked for by ALLOW_AUDIO_UPLOADS, or implied by a transcription provider (recordings are what it is for). */
export const audioUploadsAllowed = (config: Pick<Env, "ALLOW_AUDIO_UPLOADS" | "TRANSCRIPTION_BASE_URL">): boolean => config.ALLOW_AUDIO_UPLOADS || Boolean(config.TRANSCRIPTION_BASE_URL);

/** The configured limits users meet (upload size, top-up range), from the same config the checks read. */
export function limitsOf(config: Pick<Env, "MAX_UPLOAD_MB" | "ALLOW_AUDIO_UPLOADS" | "TRANSCRIPTION_BASE_URL" | "TOPUP_MIN_DOLLARS" | "TOPUP_MAX_DOLLARS">): TLimits {
  return {
    maxUploadMb: config.MAX_UPLOAD_MB,
    audioUploads: audioUploadsAllowed(config),
    topupMinDollars: config.TOPUP_MIN_DOLLARS,
    topupMaxDollars: config.TOPUP_MAX_DOLLARS,
  };
}
