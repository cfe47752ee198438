import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "mini-app/www/",
      "mini-app/www-zalo/",
      "/data/",
      "coverage/",
      "test-output/",
      "**/*.cjs",
      ".scratch*",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", fetch: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "node:*",
            "express",
            "kysely",
            "zmp-*",
            "axios",
            "bullmq",
            "ioredis",
            "pg",
            "better-sqlite3",
            "../bot-server/*",
            "../mini-app/*",
          ],
        },
      ],
    },
  },
  { files: ["test/**", "bench/**", "bot-server/scripts/**"], rules: { "no-console": "off" } },
);
