import { InvalidArgumentError } from "commander";

/**
 * A parser for a whole-number flag within [min, max]: "10", not "10.5", "1e3", "ten" or "".
 * Commander reports its refusal as a usage error (exit code 2).
 */
export function wholeNumber(min: number, max: number = Number.MAX_SAFE_INTEGER, unit = "") {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
      throw new InvalidArgumentError(`expected a whole number${unit ? ` of ${unit}` : ""} ${range}`);
    }
    return n;
  };
}

/** The items of a cursor list, up to `limit`, fetched page by page. */
export async function firstItems<T>(pages: AsyncIterable<T>, limit: number): Promise<T[]> {
  const out: T[] = [];
  for await (const item of pages) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}
