/** What a sandbox thread is asked to do; plain data, since it crosses a thread boundary. */
export type SandboxTask =
  | { kind: "extract"; bytes: Uint8Array; mimeType: string; maxUncompressedBytes: number }
  | { kind: "analyze"; op: "analyzeDocument"; args: [string, { readAs?: "transcript" }?] }
  | { kind: "analyze"; op: "matchResume"; args: [string, string] }
  | { kind: "analyze"; op: "summarizeWorklog"; args: [string] }
  | { kind: "analyze"; op: "parseResume"; args: [string] };

/** The thread's answer: a value, or an error described well enough to rebuild it on this side. */
export type SandboxReply = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string; code?: string; transient?: boolean } };

export interface SandboxLimits {
  /** The thread is terminated after this long. */
  timeoutMs: number;
  /** V8 heap of the thread (resourceLimits.maxOldGenerationSizeMb). */
  memoryMb: number;
}
