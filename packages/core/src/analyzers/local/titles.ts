/**
 * Job titles and schools by pattern (a space or tab between words, never a line break:
 * a name does not run on into the next line). The lite English model has no person,
 * organization or place entities, and its "[PROPN] [PROPN]" person pattern
 * otherwise takes "Senior Engineer" for a name.
 */
const TITLE_WORDS =
  "engineer|developer|programmer|architect|manager|director|lead|head|analyst|scientist|designer|consultant|specialist|administrator|intern|assistant|associate|coordinator|officer|executive|representative|rep|nurse|accountant|bookkeeper|auditor|controller|clerk|cashier|salesperson|technician|teacher|therapist|pharmacist|physician|supervisor|founder|cto|ceo|cfo|vp|sre|devops|recruiter|writer|editor|researcher|student|paralegal|chef|cook|baker";
export const TITLE_WORD = new RegExp(`\\b(${TITLE_WORDS})s?\\b`, "i");

/** A phrase that names a job: a title word, no sentence around it (at most 6 words, no verb-like ending). */
export function isTitle(phrase: string): boolean {
  const p = phrase.trim();
  return p.length > 0 && p.split(/\s+/).length <= 6 && TITLE_WORD.test(p) && /^\p{Lu}/u.test(p);
}

/** Capitalized title phrases in running text: "Senior Backend Engineer", "Registered Nurse". */
const TITLE_PHRASE = new RegExp(`\\b(?:[A-Z][A-Za-z/&+.-]{0,30}[ \\t]){0,3}(?:${TITLE_WORDS.split("|").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("|")})s?\\b`, "g");
export function titlesIn(text: string): string[] {
  return [...new Set([...text.matchAll(TITLE_PHRASE)].map((m) => m[0]))];
}

/** "Title at Employer": the capitalized words after " at " that follows a title. */
const AT_EMPLOYER = /\b(?:at|@)[ \t]((?:[A-Z0-9][\p{L}\d&.'-]{0,40})(?:[ \t](?:[A-Z0-9&][\p{L}\d&.'-]{0,40})){0,3})/gu;
export function employersAfterTitles(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(AT_EMPLOYER)) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 60), m.index);
    if (TITLE_WORD.test(before)) found.push((m[1] ?? "").replace(/[.,]$/, ""));
  }
  return [...new Set(found)];
}

/** "University of Oslo", "Stanford University", "Karolinska Institute", "Lincoln High School". */
const SCHOOL = /\b(?:(?:[A-Z][\p{L}&.'-]{0,30})[ \t]){0,4}(?:University|College|Institute|Polytechnic|Academy|School)(?:[ \t]of(?:[ \t](?:[A-Z][\p{L}&.'-]{0,30})){1,4})?/gu;
export function schoolsIn(text: string): string[] {
  return [...new Set([...text.matchAll(SCHOOL)].map((m) => m[0].trim()))];
}

/** Words that end an organization's name: "Acme Corp", "Karolinska Hospital", "Nordic Bank". */
export const ORG_WORD = /\b(corp|corporation|inc|ltd|llc|gmbh|ag|ab|plc|co|group|labs?|technologies|systems|solutions|software|bank|hospital|clinic|health|consulting|partners|agency|studios?|foundation|platform|team|department|division)\.?$/i;

/** "Acme Corp, Berlin": the capitalized word(s) right after an organization and a comma. */
export function placeAfter(text: string, org: string): string | null {
  const at = text.indexOf(org);
  if (at < 0) return null;
  const m = /^,[ \t]([A-Z][\p{L}.'-]{1,30}(?:[ \t][A-Z][\p{L}.'-]{1,30})?)\b/u.exec(text.slice(at + org.length, at + org.length + 70));
  return m?.[1] && !TITLE_WORD.test(m[1]) && !ORG_WORD.test(m[1]) ? m[1] : null;
}
