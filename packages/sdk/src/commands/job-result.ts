import { ZMatchBreakdown, type TSkillGroup } from "../contracts.js";

const group = (g: TSkillGroup) => (g.matchedBy ? `✓ ${g.matchedBy}${g.anyOf.length > 1 ? ` (for ${g.anyOf.join(" or ")})` : ""}` : `✗ ${g.anyOf.join(" or ")}`);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * A resume match's score as a sum of its parts, for people reading the CLI:
 * each part's value × weight = points, which skill met each requirement, and
 * years asked vs found. Nothing when the result has no breakdown (an LLM's).
 */
export function scoreLines(score: unknown, breakdown: unknown): string[] {
  const parsed = ZMatchBreakdown.safeParse(breakdown);
  if (!parsed.success || typeof score !== "number") return [];
  const b = parsed.data;
  const width = Math.max(...b.parts.map((p) => p.label.length));
  return [
    `Score ${score}/100 = ${b.parts.map((p) => `${p.label.toLowerCase()} ${p.points.toFixed(1)}`).join(" + ")}`,
    ...b.parts.map((p) => `  ${p.label.padEnd(width)}  ${pct(p.value)} × ${pct(p.weight)} = ${p.points.toFixed(1)}  (${p.detail})`),
    `Required: ${b.required.map(group).join(", ") || "none named"}`,
    `Nice to have: ${b.niceToHave.map(group).join(", ") || "none named"}`,
    `Years: ${b.years.required === null ? "no minimum" : `${b.years.required}+ required`}, ${b.years.found === null ? "none found" : `${b.years.found} found`}`,
  ];
}
