// Finding another tenant's rows in an answer: any id, email, username or name of theirs, anywhere in it.

/** The markers of `foreign` that occur in `answer` (JSON, CSV or HTML alike). */
export function leakedMarkers(answer: unknown, foreign: string[]): string[] {
  const text = (typeof answer === "string" ? answer : JSON.stringify(answer) ?? "").toLowerCase();
  return [...new Set(foreign.filter((m) => m && text.includes(m.toLowerCase())))];
}
