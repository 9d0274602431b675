import { describe, expect, it } from "vitest";
import { generateToken, hashToken } from "./tokens.js";

describe("hashToken", () => {
  it("is SHA-256 of the token's UTF-8 bytes, in lowercase hex (the form stored hashes already have)", () => {
    // FIPS 180-2's test vector, and one beyond ASCII so the encoding is pinned too.
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashToken("\u00e9")).toBe("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
  });

  it("tells tokens apart", () => {
    const [a, b] = [generateToken(), generateToken()];
    expect(a).not.toBe(b);
    expect(hashToken(a)).not.toBe(hashToken(b));
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
