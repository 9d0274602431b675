import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "./root.js";
import { looseObjectsIn } from "./strict-inputs.js";

type ProcDef = { _def: { inputs: z.ZodType[] } };

describe("procedure inputs are strict", () => {
  it("finds a loose object however deep it sits", () => {
    const inner = z.object({ a: z.string() });
    expect(looseObjectsIn(z.strictObject({ list: z.array(inner).optional() }))).toEqual(["input.list[]"]);
    expect(looseObjectsIn(z.strictObject({ x: z.union([z.strictObject({}), inner]) }))).toEqual(["input.x|1"]);
    expect(looseObjectsIn(z.strictObject({ id: z.uuid() }).extend({ b: z.number() }))).toEqual([]);
  });

  // Walks the router itself: a procedure added tomorrow with a plain z.object input fails here, named.
  it("every procedure's input, on tRPC and REST alike, refuses keys it does not declare", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, ProcDef>;
    const loose = Object.entries(procedures).flatMap(([path, p]) => p._def.inputs.flatMap((input) => looseObjectsIn(input).map((where) => `${path}: ${where}`)));
    expect(loose).toEqual([]);
  });
});
