import { describe, expect, it } from "vitest";
import { profileFromParsed } from "./candidate-profile-fill.service.js";
import { ZUpdateCandidateProfileInput } from "./candidate-profile.schema.js";

// What an OpenAI-compatible provider may answer for a hostile résumé: its JSON is validated as a
// résumé profile, but the strings inside can hold anything.
describe("a parsed résumé in the profile's shape", () => {
  it("keeps no hidden characters, leaves a non-address email empty, and drops entries the profile's own contract would refuse on save", () => {
    const parsed = profileFromParsed({
      contact: { name: "Jane\u202e Doe\u009b", email: "jane at example dot com", phone: "+1\u0000 555", location: "Seattle\r\nWA", links: ["\u2066"] },
      headline: "Nurse\u0007",
      years: null,
      summary: "",
      experience: [
        { title: "\u202e", employer: "\u0085", location: null, start: null, end: null, highlights: [] },
        { title: "Charge Nurse", employer: "Harborview", location: null, start: "2021", end: "Present", highlights: ["Led\u001b[31m a team", "Triage"] },
      ],
      education: [{ school: "\u200f", degree: null, start: null, end: null }],
      skills: ["BLS\u202e", "\u202c"],
    });
    expect(parsed).toEqual({
      headline: "Nurse",
      contact: { name: "Jane Doe", email: null, phone: "+1 555", location: "Seattle WA", links: [] },
      experience: [{ title: "Charge Nurse", company: "Harborview", start: "2021", end: null, summary: "Led[31m a team\nTriage" }],
      education: [],
      skills: ["BLS"],
    });
    // The candidate can save the profile as filled.
    expect(ZUpdateCandidateProfileInput.safeParse(parsed).success).toBe(true);
  });
});
