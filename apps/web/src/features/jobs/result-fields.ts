/**
 * A job's result is JSON the worker wrote (`Record<string, unknown>` on the
 * wire). These read it field by field, so a result from an older or newer
 * worker shows what it can instead of breaking the page.
 */
type Result = Record<string, unknown>;

export const text = (r: Result, key: string): string | null => (typeof r[key] === "string" && r[key] ? r[key] : null);

export const num = (r: Result, key: string): number | null => (typeof r[key] === "number" && Number.isFinite(r[key]) ? r[key] : null);

export const strings = (r: Result, key: string): string[] => (Array.isArray(r[key]) ? r[key].filter((v): v is string => typeof v === "string") : []);

export interface Entity {
  text: string;
  type: string;
}

export function entities(r: Result, key = "entities"): Entity[] {
  if (!Array.isArray(r[key])) return [];
  return r[key].flatMap((v: unknown) => {
    if (!v || typeof v !== "object") return [];
    const e = v as Record<string, unknown>;
    return typeof e.text === "string" && typeof e.type === "string" ? [{ text: e.text, type: e.type }] : [];
  });
}

/** −1 … 1 from the analyzer, in words. */
export function sentimentLabel(score: number): { label: string; color: string } {
  if (score > 0.2) return { label: "Positive", color: "teal" };
  if (score < -0.2) return { label: "Negative", color: "red" };
  return { label: "Neutral", color: "gray" };
}

/** The match gauge's color: a glance should tell a strong match from a weak one. */
export function scoreColor(score: number): string {
  if (score >= 70) return "teal";
  if (score >= 40) return "yellow";
  return "red";
}

/** The worker's note that an analyzer read only part of a long document (ANALYZER_MAX_TEXT_CHARS). */
export function truncationNotes(r: Result): string[] {
  const cap = r.textCap;
  if (!cap || typeof cap !== "object") return [];
  const one = (c: unknown, what: string): string[] => {
    if (!c || typeof c !== "object") return [];
    const { truncated, analyzedChars, totalChars } = c as Record<string, unknown>;
    if (truncated !== true || typeof analyzedChars !== "number" || typeof totalChars !== "number") return [];
    return [`Only the first ${analyzedChars.toLocaleString()} of ${totalChars.toLocaleString()} characters of ${what} were analysed.`];
  };
  const c = cap as Record<string, unknown>;
  return "truncated" in c ? one(c, "the document") : [...one(c.resume, "the resume"), ...one(c.jobDescription, "the job description")];
}
