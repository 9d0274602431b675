// Shared flat config: typescript-eslint's recommended rules plus the one rule
// that keeps process.env out of app code (config is read through @atrium/config).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export const restrictEnvAccess = {
  files: ["**/*.ts", "**/*.tsx"],
  ignores: ["**/*.test.ts", "**/testing.ts", "**/env.ts", "**/*.config.ts"],
  rules: {
    "no-restricted-properties": [
      "error",
      { object: "process", property: "env", message: "Read configuration through loadConfig() from @atrium/config." },
    ],
  },
};

// Procedure inputs refuse unknown keys (a 400 naming the key, on tRPC and REST):
// contracts named Z…Input and inline `.input(...)` schemas use z.strictObject.
// apps/api/src/trpc/strict-inputs.test.ts walks the router for what a selector can't see.
const LOOSE = "Procedure inputs must refuse unknown keys: use z.strictObject (apps/api/src/trpc/strict-inputs.test.ts walks the router).";
const looseCall = "CallExpression[callee.object.name='z'][callee.property.name=/^(object|looseObject)$/]";
export const strictInputs = {
  files: ["**/*.ts"],
  ignores: ["**/*.test.ts"],
  rules: {
    "no-restricted-syntax": [
      "error",
      { selector: `VariableDeclarator[id.name=/^Z\\w*Input$/] ${looseCall}`, message: LOOSE },
      { selector: `VariableDeclarator[id.name=/^Z\\w*Input$/] CallExpression[callee.property.name=/^(passthrough|loose)$/]`, message: LOOSE },
      { selector: `CallExpression[callee.property.name='input'] > ${looseCall}`, message: LOOSE },
    ],
  },
};

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/migrations/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "error",
    },
  },
  restrictEnvAccess,
  strictInputs,
);
