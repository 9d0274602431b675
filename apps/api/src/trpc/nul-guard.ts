/** What a caller reads for text holding a NUL character. */
export const NUL_MESSAGE = "Text can't contain NUL (\\u0000) characters";

/**
 * The fields (as "a.b.0" paths, like zod's) whose text holds a NUL character. Postgres text
 * can't store one, so without this check such input reached the database and answered 500
 * from every procedure that writes or searches text. Iterative: a deeply nested body can't
 * overflow the stack; at most `limit` fields are named.
 */
export function nulFields(input: unknown, limit = 10): Record<string, string[]> | undefined {
  const found: Record<string, string[]> = {};
  let count = 0;
  const stack: Array<[value: unknown, path: string]> = [[input, ""]];
  while (stack.length && count < limit) {
    const [value, path] = stack.pop() as [unknown, string];
    const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
    if (typeof value === "string") {
      if (value.includes("\u0000")) {
        found[path || "_"] = [NUL_MESSAGE];
        count += 1;
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push([v, at(i)]));
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        // A key can hold one too (strict objects refuse unknown keys, but only after this).
        if (k.includes("\u0000") && count < limit) {
          found[at(k.replaceAll("\u0000", "\\u0000"))] = [NUL_MESSAGE];
          count += 1;
        }
        stack.push([v, at(k)]);
      }
    }
  }
  return count ? found : undefined;
}
