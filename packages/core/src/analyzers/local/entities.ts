import type { TResumeExtract } from "../analyzer.schema.js";
import { headerOf } from "./resume.js";
import { skillsIn } from "./skills.js";
import { ORG_WORD, TITLE_WORD, employersAfterTitles, placeAfter, schoolsIn, titlesIn } from "./titles.js";

type Entity = { text: string; type: string };

/** wink's entity types that say nothing about a document's people, places or dates ("):" is an emoticon to it, "4" a cardinal). */
const NOISE = new Set(["person", "skill", "EMOTICON", "EMOJI", "HASHTAG", "MENTION", "CARDINAL", "ORDINAL"]);

/** A word of a person's name: "Lee", "O'Brien", "Smith-Jones"; not "B.Sc" or "AWS". */
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*$/u;

/** wink calls "day" or "years" alone a duration; a duration says how long, so it needs a number. */
const COUNTED = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|several|few)\b/i;

/**
 * The document's entities: titles, employers, schools and places by pattern
 * (from the résumé's jobs when it is one), names from wink's proper-noun pairs
 * unless they are one of those, and wink's dates, amounts and contacts.
 */
export function entitiesOf(text: string, wink: Entity[], resume: TResumeExtract | null): Entity[] {
  const titles = resume ? [resume.role, ...resume.experience.map((j) => j.title)].filter((x): x is string => Boolean(x)) : titlesIn(text);
  // wink's proper-noun pairs ending in Corp, Hospital, Bank... are organizations, not people.
  const orgNames = wink.filter((e) => e.type === "person" && ORG_WORD.test(e.text)).map((e) => e.text);
  const employers = [...(resume ? resume.experience.flatMap((j) => (j.employer ? [j.employer] : [])) : employersAfterTitles(text)), ...orgNames];
  const jobPlaces = resume ? resume.experience.flatMap((j) => (j.location ? j.location.split(", ") : [])) : [];
  const places = [...(resume?.location ? [resume.location] : []), ...jobPlaces, ...employers.flatMap((o) => placeAfter(text, o) ?? [])];
  const schools = resume ? resume.education.map((e) => e.school) : schoolsIn(text);
  const named = [...titles, ...employers, ...places, ...schools].map((x) => x.toLowerCase());
  const notAName = (name: string) =>
    !name.split(/\s+/).every((w) => NAME_WORD.test(w)) ||
    TITLE_WORD.test(name) || headerOf(name) !== null || skillsIn(name).length > 0 || /\d/.test(name) || named.some((n) => ` ${n} `.includes(` ${name.toLowerCase()} `));
  const people = wink.filter((e) => e.type === "person" && !notAName(e.text));
  // wink's types are upper case ("DURATION"); ours are lower case, so one document's groups read alike.
  const rest = wink.filter((e) => !NOISE.has(e.type) && (e.type !== "DURATION" || COUNTED.test(e.text))).map((e) => ({ text: e.text, type: e.type.toLowerCase() }));
  const found: Entity[] = [
    ...people,
    ...titles.map((text) => ({ text, type: "title" })),
    ...employers.map((text) => ({ text, type: "organization" })),
    ...schools.map((text) => ({ text, type: "school" })),
    ...places.map((text) => ({ text, type: "location" })),
    ...rest,
  ];
  const seen = new Set<string>();
  return found.filter((e) => {
    const key = `${e.type}:${e.text.toLowerCase()}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
