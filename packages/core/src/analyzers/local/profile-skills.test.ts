// Issue 15: a profile's skills are the maintained vocabulary's (canonical names) plus the résumé's own noun
// phrases, for any profession, not a fixed list of software terms.
import { describe, expect, it } from "vitest";
import { parseResumeProfile } from "./profile.js";
import { FIELD_SALES, ICU_NURSE, PLATFORM_ENGINEER } from "./profile-skills.fixtures.js";

const NOW = new Date("2026-06-01");
const sourcesOf = (text: string) => parseResumeProfile(text, NOW).skillSources;

describe("skills of a parsed résumé, three professions", () => {
  it("a nurse: clinical vocabulary by canonical name, and the résumé's own clinical phrases", () => {
    const s = sourcesOf(ICU_NURSE);
    expect(s?.vocabulary).toEqual(expect.arrayContaining(["Intensive Care", "Nursing", "Wound Care", "BLS", "ACLS"]));
    expect(s?.phrases).toEqual(["Hemodynamic monitoring", "ventilator management", "sepsis screening", "family counselling"]);
  });

  it("a salesperson: sales vocabulary (cold calls → Cold Calling, HubSpot → CRM) and the résumé's own sales phrases", () => {
    const s = sourcesOf(FIELD_SALES);
    expect(s?.vocabulary).toEqual(expect.arrayContaining(["Sales", "Negotiation", "CRM", "Cold Calling"]));
    expect(s?.phrases).toEqual(["Territory management", "tender management", "key account planning", "product demonstrations"]);
  });

  it("an engineer: tools by canonical name, and practices no list names, 'service mesh' included (wink tags 'mesh' a verb)", () => {
    const s = sourcesOf(PLATFORM_ENGINEER);
    expect(s?.vocabulary).toEqual(expect.arrayContaining(["Kubernetes", "Terraform", "Prometheus", "Go", "PostgreSQL", "CI/CD"]));
    expect(s?.phrases).toEqual(["capacity planning", "incident response", "service mesh", "chaos engineering"]);
  });

  it("lists every skill once, vocabulary first; a phrase the vocabulary already names is not repeated", () => {
    for (const text of [ICU_NURSE, FIELD_SALES, PLATFORM_ENGINEER]) {
      const p = parseResumeProfile(text, NOW);
      expect(p.skills).toEqual([...(p.skillSources?.vocabulary ?? []), ...(p.skillSources?.phrases ?? [])]);
      expect(new Set(p.skills.map((x) => x.toLowerCase())).size).toBe(p.skills.length);
      // "BLS", "ACLS", "Negotiation", "CRM", "Go" stood in the skills sections too: reported once, by the vocabulary.
      expect(p.skillSources?.phrases.some((x) => ["bls", "acls", "negotiation", "crm", "go"].includes(x.toLowerCase()))).toBe(false);
    }
  });

  it("takes no sentence from a skills section as a skill", () => {
    const p = parseResumeProfile("Ann Lee\nNurse\n\nSkills\nI am a hard worker, the best at everything, sepsis screening", NOW);
    expect(p.skillSources?.phrases).toEqual(["sepsis screening"]);
  });
});
