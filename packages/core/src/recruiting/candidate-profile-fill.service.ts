import { z } from "zod";
import type { TResumeProfile } from "../analyzers/analyzer.schema.js";
import { withoutHidden } from "../shared/hidden-chars.js";
import { PROFILE_LIMITS, type TCandidateProfile } from "./candidate-profile.schema.js";

type Fields = Pick<TCandidateProfile, "headline" | "contact" | "experience" | "education" | "skills">;

// A résumé's text (or a provider's JSON) may carry control and bidi characters: the profile keeps
// none of them, and keeps line breaks only in a job's summary.
const cut = (s: string | null | undefined, max: number, keepLines = false) =>
  withoutHidden(keepLines ? (s ?? "") : (s ?? "").replace(/[\t\n\v\f\r]+/g, " "), { keepLines }).trim().slice(0, max);
const orNull = (s: string | null | undefined, max: number) => cut(s, max) || null;
/** The profile's own contract refuses a bad address on save, so a parsed one that isn't an address is left empty. */
const emailOrNull = (s: string | null | undefined) => {
  const email = cut(s, 254);
  return z.email().safeParse(email).success ? email : null;
};
/** "Present", "now", "current": the job goes on, which the profile writes as end = null. */
const ONGOING = /^(present|now|current|today|ongoing)$/i;

/** A parsed résumé in the profile's shape, cut to the profile's bounds. */
export function profileFromParsed(p: TResumeProfile): Fields {
  return {
    headline: cut(p.headline, 160),
    contact: {
      name: orNull(p.contact.name, 120),
      email: emailOrNull(p.contact.email),
      phone: orNull(p.contact.phone, 40),
      location: orNull(p.contact.location, 120),
      links: p.contact.links.map((l) => cut(l, 300)).filter(Boolean).slice(0, PROFILE_LIMITS.links),
    },
    // Filtered after cleaning: an entry the profile's contract would refuse on the next save (no title
    // nor company, no school) is not stored.
    experience: p.experience
      .map((e) => ({
        title: cut(e.title, 120),
        company: cut(e.employer, 120),
        start: cut(e.start, 20),
        end: e.end && !ONGOING.test(e.end.trim()) ? cut(e.end, 20) : null,
        summary: cut(e.highlights.join("\n"), PROFILE_LIMITS.summaryChars, true),
      }))
      .filter((e) => e.title || e.company)
      .slice(0, PROFILE_LIMITS.experience),
    education: p.education
      .map((e) => ({ school: cut(e.school, 160), degree: cut(e.degree, 120), field: "", start: cut(e.start, 20), end: cut(e.end, 20) }))
      .filter((e) => e.school)
      .slice(0, PROFILE_LIMITS.education),
    skills: p.skills.map((s) => cut(s, PROFILE_LIMITS.skillChars)).filter(Boolean),
  };
}

/**
 * What a parsed résumé adds to a profile without undoing the candidate's own
 * edits: every empty field (headline, each contact detail, the job and school
 * lists as a whole) takes the parsed value, and skills are merged (the
 * candidate's first, then the résumé's new ones, case-insensitively). A field the
 * candidate filled is never overwritten; to take the résumé's version, they clear
 * it and fill from the résumé again.
 */
export function fillEmpty(current: Fields, parsed: Fields): Fields {
  const c = current.contact;
  const known = new Set(current.skills.map((s) => s.toLowerCase()));
  const added = parsed.skills.filter((s) => !known.has(s.toLowerCase()) && (known.add(s.toLowerCase()), true));
  return {
    headline: current.headline || parsed.headline,
    contact: {
      name: c.name ?? parsed.contact.name,
      email: c.email ?? parsed.contact.email,
      phone: c.phone ?? parsed.contact.phone,
      location: c.location ?? parsed.contact.location,
      links: c.links.length ? c.links : parsed.contact.links,
    },
    experience: current.experience.length ? current.experience : parsed.experience,
    education: current.education.length ? current.education : parsed.education,
    skills: [...current.skills, ...added].slice(0, PROFILE_LIMITS.skills),
  };
}
