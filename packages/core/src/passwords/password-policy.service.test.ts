import { describe, expect, it } from "vitest";
import { checkPasswordPolicy } from "./password-policy.service.js";

const check = (pw: string, extra: { username?: string; email?: string; minLength?: number } = {}) =>
  checkPasswordPolicy(pw, { minLength: extra.minLength ?? 8, username: extra.username ?? "alice", email: extra.email ?? "alice.w@example.com" });
const rules = (pw: string, extra?: Parameters<typeof check>[1]) => check(pw, extra).map((f) => f.rule);

describe("password policy", () => {
  it("accepts strong passwords", () => {
    for (const pw of ["correct horse battery staple", "Tr0ub4dor&3", "Sup3r-Secret-Pw!", "new-Strong-pass-42"]) {
      expect(check(pw), pw).toEqual([]);
    }
  });

  it("enforces the configured minimum length", () => {
    expect(check("Zq8#kP2")).toEqual([{ rule: "min_length", message: "Must be at least 8 characters" }]);
    expect(check("Zq8#kP2!vR", { minLength: 12 })).toEqual([{ rule: "min_length", message: "Must be at least 12 characters" }]);
    expect(check("Zq8#kP2!vR", { minLength: 10 })).toEqual([]);
  });

  it("refuses passwords from leaked-password lists, plain or decorated", () => {
    for (const pw of ["password1", "sunshine", "qwerty123456", "Password123!", "P@ssw0rd", "letmein123", "iloveyou2"]) {
      expect(rules(pw), pw).toContain("common");
    }
    expect(check("password1").find((f) => f.rule === "common")?.message).toBe("Too common: it appears in lists of leaked passwords");
  });

  it("refuses all-digit passwords, however long", () => {
    expect(check("12345678")).toContainEqual({ rule: "only_digits", message: "Can't be only digits" });
    expect(rules("12345678")).toContain("common");
    expect(rules("90417735286104")).toEqual(["only_digits"]);
  });

  it("refuses passwords built on the username or the email's local part, case-insensitively", () => {
    expect(check("my-ALICE-rocks-42")).toEqual([{ rule: "similar", message: "Too similar to your username or email" }]);
    expect(rules("zz-alice.w-zz", { username: "someone" })).toEqual(["similar"]);
    expect(rules("ecila-wonder-42")).toEqual(["similar"]); // reversed username, caught by zxcvbn's user inputs
    expect(rules("@l1ce-rocks-now!")).toEqual(["similar"]); // l33t spelling
    // Parts under three characters are too short to count.
    expect(rules("tall-bo-rocks-42", { username: "bo", email: "bo@example.com" })).toEqual([]);
  });

  it("refuses otherwise guessable patterns and says why", () => {
    const [failure] = check("aaaaaaaaaaaa");
    expect(failure?.rule).toBe("guessable");
    expect(failure?.message).toMatch(/^Too easy to guess: Repeated characters/);
    expect(rules("abcdefghij")).toEqual(["guessable"]);
  });

  it("reports every broken rule at once", () => {
    expect(rules("1234")).toEqual(["min_length", "only_digits", "common"]);
  });
});
