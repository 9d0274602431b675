import type { z } from "zod";

type Def = {
  type: string;
  catchall?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

/**
 * Every object inside `schema` (nested ones, array elements, union options
 * included) that would let an unknown key through, as `path` strings. Procedure
 * inputs must come back empty: `z.strictObject`, not `z.object`.
 */
export function looseObjectsIn(schema: z.ZodType, path = "input", seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const walk = (s: z.ZodType | undefined, p: string) => (s ? looseObjectsIn(s, p, seen) : []);
  if (def.type === "object") {
    const strict = def.catchall && defOf(def.catchall).type === "never";
    return [...(strict ? [] : [path]), ...Object.entries(def.shape ?? {}).flatMap(([k, s]) => walk(s, `${path}.${k}`))];
  }
  if (WRAPPERS.has(def.type)) return walk(def.innerType, path);
  if (def.type === "array") return walk(def.element, `${path}[]`);
  if (def.type === "union") return (def.options ?? []).flatMap((o, i) => walk(o, `${path}|${i}`));
  if (def.type === "intersection") return [...walk(def.left, path), ...walk(def.right, path)];
  if (def.type === "pipe") return [...walk(def.in, path), ...(def.out && defOf(def.out).type !== "transform" ? walk(def.out, path) : [])];
  if (def.type === "lazy") return walk(def.getter?.(), path);
  if (def.type === "record") return walk(def.valueType, `${path}{}`);
  if (def.type === "tuple") return (def.items ?? []).flatMap((s, i) => walk(s, `${path}[${i}]`));
  return [];
}
