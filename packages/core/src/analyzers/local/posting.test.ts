import { describe, expect, it } from "vitest";
import { BACKEND_POSTING } from "./fixtures/postings.js";
import { parsePosting } from "./posting.js";

describe("reading a job posting", () => {
  it("splits required from nice-to-have by headers, ignores benefits, and reads the minimum years", () => {
    const p = parsePosting(BACKEND_POSTING);
    expect(p.required).toEqual([["Go", "Java"], ["AWS", "GCP"], ["PostgreSQL"], ["Kubernetes"], ["gRPC"]]);
    expect(p.niceToHave).toEqual([["Kafka"], ["Prometheus"], ["OpenTelemetry"], ["Mentoring"]]);
    expect(p.minYears).toBe(5);
  });

  it("groups alternatives: 'or' and '/' bind, 'and' separates, a comma follows the list's conjunction", () => {
    const p = parsePosting("You have Python, Go, or Rust. You know TypeScript, React and Docker. AWS/GCP and Terraform.");
    expect(p.required).toEqual([["Python", "Go", "Rust"], ["TypeScript"], ["React"], ["Docker"], ["AWS", "GCP"], ["Terraform"]]);
  });

  it("reads 'one of' a list as one requirement", () => {
    expect(parsePosting("Experience with at least one of Python, Go, Java. Docker, Terraform.").required).toEqual([["Python", "Go", "Java"], ["Docker"], ["Terraform"]]);
  });

  it("takes inline cues ('is a plus', 'Nice to have:') and the lower bound of a span of years", () => {
    const p = parsePosting("3-5 years with Java. Kafka is a plus. Nice to have: GraphQL");
    expect(p.required).toEqual([["Java"]]);
    expect(p.niceToHave).toEqual([["Kafka"], ["GraphQL"]]);
    expect(p.minYears).toBe(3);
  });

  it("does not demote a required skill that a nice-to-have line names again", () => {
    const p = parsePosting("Requirements\n- Go\nNice to have\n- Go and Kafka");
    expect(p.required).toEqual([["Go"]]);
    expect(p.niceToHave).toEqual([["Kafka"]]);
  });
});
