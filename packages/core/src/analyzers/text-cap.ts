/** What the job result says about how much of a document the analyzer read. */
export interface TextCap {
  analyzedChars: number;
  totalChars: number;
  truncated: boolean;
}

/**
 * The part of a document an analyzer reads: at most `maxChars` characters
 * (ANALYZER_MAX_TEXT_CHARS), cut at a whitespace near the limit when there is
 * one, so the cost and the time of an analysis stay bounded whatever the upload.
 */
export function capText(text: string, maxChars: number): { text: string; cap: TextCap } {
  if (text.length <= maxChars) return { text, cap: { analyzedChars: text.length, totalChars: text.length, truncated: false } };
  let cut = maxChars;
  const floor = Math.max(0, maxChars - 200);
  while (cut > floor && !/\s/.test(text.charAt(cut))) cut--;
  if (cut === floor) cut = maxChars;
  const kept = text.slice(0, cut);
  return { text: kept, cap: { analyzedChars: kept.length, totalChars: text.length, truncated: true } };
}
