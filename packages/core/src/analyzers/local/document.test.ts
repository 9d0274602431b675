import { describe, expect, it } from "vitest";
import { ZDocumentAnalysis } from "../analyzer.schema.js";
import { analyzeDocument } from "./document.js";
import { BACKEND_POSTING } from "./fixtures/postings.js";
import { BACKEND_GOOD, NURSE, PASTRY_CHEF } from "./fixtures/resumes.js";

const NOW = new Date("2026-06-01T00:00:00Z");
const of = (type: string, text: string) => ({ type, text });

describe("résumé-aware document analysis (issue 10, item 8)", () => {
  it("reads a résumé's sections, jobs (title, employer, place, dates) and schools", () => {
    const a = analyzeDocument(BACKEND_GOOD, NOW);
    expect(a.readAs).toBe("resume");
    expect(a.resume?.sections).toEqual(["summary", "experience", "education"]);
    expect(a.resume?.experience).toEqual([
      { title: "Staff Engineer", employer: "Ledgerline GmbH", location: "Berlin", start: "2021", end: "2026" },
      { title: "Backend Engineer", employer: "Parcelwise", location: "Munich", start: "2018", end: "2021" },
    ]);
    expect(a.resume?.education).toEqual([{ school: "Technical University of Munich", degree: "B.Sc. Computer Science", start: "2014", end: "2018" }]);
    expect(a.resume?.years).toBe(8);
    expect(a.resume?.location).toBe("Hamburg");
    expect(ZDocumentAnalysis.parse(a)).toEqual(a);
  });

  it("reads jobs written over two or three lines, and upper-case headers", () => {
    const cv = [
      "Full Stack Developer | Dublin, Ireland",
      "WORK EXPERIENCE",
      "Stripe — Senior Software Engineer",
      "March 2021 – Present",
      "• Led a team of 4 building the checkout in React.",
      "Software Engineer",
      "Intercom, Dublin",
      "Jan 2018 - Feb 2021",
      "• Built REST APIs in Node.js.",
      "EDUCATION",
      "Trinity College Dublin — B.A. Computer Science, 2014 – 2018",
    ].join("\n");
    const a = analyzeDocument(cv, NOW);
    expect(a.resume?.experience).toEqual([
      { title: "Senior Software Engineer", employer: "Stripe", location: null, start: "March 2021", end: "Present" },
      { title: "Software Engineer", employer: "Intercom", location: "Dublin", start: "Jan 2018", end: "Feb 2021" },
    ]);
    // March 2021 to June 2026, and Jan 2018 to Feb 2021: 5.25 + 3.08 years.
    expect(a.resume?.years).toBe(8.3);
    expect(a.entities.filter((e) => e.type === "location").map((e) => e.text)).toEqual(["Dublin"]);
    expect(a.entities.filter((e) => e.type === "cardinal")).toEqual([]);
  });

  it("writes a short summary of role, years and strengths, not the lines glued together with their headers", () => {
    const a = analyzeDocument(BACKEND_GOOD, NOW);
    expect(a.summary).toBe(
      "Senior Backend Engineer with 8 years of experience, most recently Staff Engineer at Ledgerline GmbH. Strengths: Go, PostgreSQL, gRPC, Kubernetes, AWS.",
    );
    for (const header of ["Summary", "Experience", "Education"]) expect(a.summary).not.toContain(header);
    expect(a.summary).not.toContain("Maya Okafor");
  });

  it("calls titles titles, not people; finds employers, schools and places; keeps the person", () => {
    const a = analyzeDocument(NURSE, NOW);
    expect(a.entities).toEqual(
      expect.arrayContaining([
        of("person", "Aisha Khan"),
        of("title", "Registered Nurse"),
        of("organization", "Leeds General Infirmary"),
        of("organization", "Harrogate District Hospital"),
        of("school", "University of Leeds"),
        of("location", "Leeds"),
      ]),
    );
    const people = a.entities.filter((e) => e.type === "person").map((e) => e.text);
    expect(people).toEqual(["Aisha Khan"]);
  });

  it("does not report 'day' as a duration, while '10 years' still is one", () => {
    const a = analyzeDocument(`${PASTRY_CHEF}\nWorked every day of the week for 10 years.`, NOW);
    const durations = a.entities.filter((e) => e.type === "duration").map((e) => e.text);
    expect(durations).not.toContain("day");
    expect(durations.every((d) => /\d|year/.test(d))).toBe(true);
  });

  it("finds 'Title at Employer' and 'Employer, City' in running text too", () => {
    const a = analyzeDocument("Jane Doe joined as a Senior Data Analyst at Nordic Bank last year. Before that she taught at Oslo Academy.", NOW);
    expect(a.entities).toEqual(expect.arrayContaining([of("person", "Jane Doe"), of("title", "Senior Data Analyst"), of("organization", "Nordic Bank"), of("school", "Oslo Academy")]));
    expect(a.entities.filter((e) => e.type === "person").map((e) => e.text)).toEqual(["Jane Doe"]);
  });

  it("keeps a person whose name merely contains a short employer's letters", () => {
    const a = analyzeDocument("Abigail Stone works as a Nurse at Abi.", NOW);
    expect(a.entities).toEqual(expect.arrayContaining([of("person", "Abigail Stone"), of("organization", "Abi")]));
  });

  it("leaves sentiment out of a résumé and a posting, and gives it for an interview transcript", () => {
    expect(analyzeDocument(BACKEND_GOOD, NOW).sentiment).toBeUndefined();
    expect(analyzeDocument(BACKEND_POSTING, NOW).sentiment).toBeUndefined();
    const transcript = analyzeDocument(
      "Interviewer: How did the migration go?\nCandidate: It went great, I loved the team and we shipped early.\nInterviewer: Wonderful, what would you improve?\nCandidate: Honestly, very little; it was a happy project.",
      NOW,
    );
    expect(transcript.readAs).toBe("transcript");
    expect(transcript.sentiment).toBeGreaterThan(0);
  });

  it("summarizes a posting without its section headers", () => {
    const a = analyzeDocument(BACKEND_POSTING, NOW);
    expect(a.readAs).toBe("other");
    expect(a.summary).not.toMatch(/Requirements|Nice to have|Benefits/);
    expect(a.summary).toContain("senior backend engineer");
  });

  it("keeps Node.js whole in a summary sentence (wink ends a sentence at 'Node.')", () => {
    const a = analyzeDocument("We build payment APIs for shops across Europe.\nYou write strong TypeScript and Node.js every day.\nWe ship small changes many times a day.", NOW);
    expect(a.summary).toContain("You write strong TypeScript and Node.js every day.");
  });
});
