import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import type { ServiceContext } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";

export type PasswordRule = "min_length" | "only_digits" | "similar" | "common" | "guessable";

export interface PolicyFailure {
  rule: PasswordRule;
  message: string;
}

export interface PolicyInputs {
  /** The account's own words: a password built from them is the first thing an attacker tries. */
  username?: string | null;
  email?: string | null;
}

// Building the matcher loads ~9 MB of word lists; do it once, on first use.
let factory: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

/** The username and the email's local part, when long enough to mean something. */
function ownWords(inputs: PolicyInputs): string[] {
  const local = inputs.email?.split("@")[0];
  return [inputs.username, local].filter((w): w is string => !!w && w.length >= 3).map((w) => w.toLowerCase());
}

/** Most of the password is one entry of a leaked-password list (also reversed or l33t-spelled). */
function isCommon(result: ZxcvbnResult, password: string): boolean {
  if (result.score > 1) return false;
  return result.sequence.some(
    (m) => m.pattern === "dictionary" && String(m.dictionaryName).startsWith("passwords") && m.token.length * 2 >= password.length,
  );
}

/**
 * Every rule the password breaks, in the order a person should fix them.
 * Empty means acceptable. Pure: no I/O, so the rules are unit-tested directly.
 */
export function checkPasswordPolicy(password: string, opts: PolicyInputs & { minLength: number }): PolicyFailure[] {
  const failures: PolicyFailure[] = [];
  if (password.length < opts.minLength) failures.push({ rule: "min_length", message: `Must be at least ${opts.minLength} characters` });
  if (/^\d+$/.test(password)) failures.push({ rule: "only_digits", message: "Can't be only digits" });

  const words = ownWords(opts);
  const lower = password.toLowerCase();
  const inputs = [...words, ...(opts.email ? [opts.email.toLowerCase()] : [])];
  // zxcvbn's checking cost grows with length; past 256 characters nothing here is guessable anyway.
  const result = zxcvbn().check(password.slice(0, 256), inputs);
  const usesOwnWords =
    words.some((w) => lower.includes(w)) ||
    result.sequence.some((m) => m.pattern === "dictionary" && m.dictionaryName === "userInputs" && m.token.length >= 3);
  if (usesOwnWords) failures.push({ rule: "similar", message: "Too similar to your username or email" });

  if (isCommon(result, password)) {
    failures.push({ rule: "common", message: "Too common: it appears in lists of leaked passwords" });
  } else if (result.score === 0 && !usesOwnWords && failures.length === 0) {
    const why = result.feedback.warning ?? "add more words or characters";
    failures.push({ rule: "guessable", message: `Too easy to guess: ${why.replace(/\.$/, "")}` });
  }
  return failures;
}

/**
 * Throws a 400 naming each broken rule under `field`, the way signup, change,
 * reset and admin reset all report it.
 */
export function assertPasswordPolicy(ctx: ServiceContext, password: string, inputs: PolicyInputs, field = "password"): void {
  const failures = checkPasswordPolicy(password, { ...inputs, minLength: ctx.config.PASSWORD_MIN_LENGTH });
  if (failures.length === 0) return;
  throw new ServiceError("BAD_REQUEST", `Password not accepted: ${failures.map((f) => f.message).join("; ")}`, {
    [field]: failures.map((f) => f.message),
  });
}

/** The field errors alone, for callers that gather several fields' problems into one answer. */
export function passwordPolicyErrors(ctx: ServiceContext, password: string, inputs: PolicyInputs): string[] {
  return checkPasswordPolicy(password, { ...inputs, minLength: ctx.config.PASSWORD_MIN_LENGTH }).map((f) => f.message);
}
