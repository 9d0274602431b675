import { describe, expect, it } from "vitest";
import { SKILL_VOCABULARY } from "./skills.data.js";
import { skillsIn } from "./skills.js";

describe("skill normalisation", () => {
  it("reaches a skill from its inflections and synonyms", () => {
    expect(skillsIn("Mentored 6 engineers")).toEqual(["Mentoring"]);
    expect(skillsIn("mentoring juniors; mentorship programme")).toEqual(["Mentoring"]);
    expect(skillsIn("k8s, JS, Postgres, golang, Node")).toEqual(["Kubernetes", "JavaScript", "PostgreSQL", "Go", "Node.js"]);
    expect(skillsIn("Nurses on the ward; nursing care")).toEqual(["Nursing"]);
  });

  it("knows skills beyond the old fixed list: gRPC, Prometheus, OpenTelemetry, and other professions' terms", () => {
    expect(skillsIn("gRPC with Prometheus and OpenTelemetry")).toEqual(["gRPC", "Prometheus", "OpenTelemetry"]);
    expect(skillsIn("BLS and ACLS certified; medication administration")).toEqual(["BLS", "ACLS", "Medication Administration"]);
    expect(skillsIn("Lead generation and cold calls in Salesforce")).toEqual(["Lead Generation", "Cold Calling", "CRM"]);
    expect(skillsIn("Accounts payable, GAAP, payroll")).toEqual(["Accounting", "GAAP", "Payroll"]);
  });

  it("leaves common words alone: 'go', 'react', 'spring', '40 key clients' and 'accounts'", () => {
    expect(skillsIn("We go to market in spring and react quickly; managed 40 accounts.")).toEqual([]);
    expect(skillsIn("Go, React and Spring")).toEqual(["Go", "React", "Spring"]);
  });

  it("prefers the longest spelling: Node.js stays whole, Spring Boot is Spring, CI/CD is one skill", () => {
    expect(skillsIn("Node.js, Spring Boot, CI/CD")).toEqual(["Node.js", "Spring", "CI/CD"]);
  });

  it("finds every skill of the vocabulary by its name and by each of its aliases, in a sentence", () => {
    const misses = SKILL_VOCABULARY.flatMap((def) =>
      [def.name, ...(def.aliases ?? []).map((a) => a.replace(/^=/, ""))].flatMap((spelling) => {
        const found = skillsIn(`Experience with ${spelling} in production.`);
        return found.length === 1 && found[0] === def.name ? [] : [`${spelling} → ${found.join(", ") || "nothing"}`];
      }),
    );
    expect(misses).toEqual([]);
  });

  it("has one entry per skill name, and no spelling that means two skills", () => {
    const names = SKILL_VOCABULARY.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const owner = new Map<string, Set<string>>();
    for (const def of SKILL_VOCABULARY) {
      for (const spelling of [def.name, ...(def.aliases ?? [])]) {
        const key = spelling.replace(/^=/, "").toLowerCase();
        owner.set(key, (owner.get(key) ?? new Set()).add(def.name));
      }
    }
    expect([...owner].filter(([, skills]) => skills.size > 1)).toEqual([]);
  });
});
