import { z } from "zod";

/** The server's limits that users meet in forms: shown next to the field, before they are hit. */
export const ZLimits = z
  .object({
    maxUploadMb: z.number().describe("Largest document upload, in MB (MAX_UPLOAD_MB)"),
    audioUploads: z.boolean().describe("Whether audio files may be uploaded (ALLOW_AUDIO_UPLOADS, or a transcription provider configured)"),
    topupMinDollars: z.number().describe("Smallest top-up (TOPUP_MIN_DOLLARS)"),
    topupMaxDollars: z.number().describe("Largest top-up (TOPUP_MAX_DOLLARS)"),
  })
  .meta({ id: "Limits" });
export type TLimits = z.infer<typeof ZLimits>;
