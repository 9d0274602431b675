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
);
