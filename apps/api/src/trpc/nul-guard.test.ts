import { describe, expect, it } from "vitest";
import { NUL_MESSAGE, nulFields } from "./nul-guard.js";

describe("nulFields", () => {
  it("names every field whose text holds a NUL, at any depth, keys included; clean input passes", () => {
    expect(nulFields({ title: "fine", tags: ["ok", "b\u0000d"], nested: { deeper: [{ note: "\u0000" }] } })).toEqual({ "tags.1": [NUL_MESSAGE], "nested.deeper.0.note": [NUL_MESSAGE] });
    expect(nulFields({ ["k\u0000ey"]: 1 })).toEqual({ "k\\u0000ey": [NUL_MESSAGE] });
    expect(nulFields("\u0000")).toEqual({ _: [NUL_MESSAGE] });
    expect(nulFields({ title: "fine", n: 1, b: true, z: null, list: [1, "two"] })).toBeUndefined();
    expect(nulFields(undefined)).toBeUndefined();
  });

  it("walks a very deep input without overflowing the stack, and names at most ten fields", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(Object.keys(nulFields(deep) ?? {})).toHaveLength(1);
    expect(Object.keys(nulFields(Array.from({ length: 50 }, () => "\u0000")) ?? {})).toHaveLength(10);
  });
});
