// ESLint 9 flat config: typescript-eslint's recommended rules plus the Office add-in rules.
import { defineConfig } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

// The plugin's own `recommended` preset brings its older typescript-eslint and an eslint-plugin-prettier
// with its own prettier, which would clash with ours; take only its office-addins/* rule settings.
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/")),
);

export default defineConfig(
  { ignores: ["dist/", "dist-cli/", "node_modules/", "coverage/", "test-results/", "assets/", "data/"] },
  {
    files: ["**/*.{ts,tsx,mts,js,mjs}"],
    extends: [tseslint.configs.recommended],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeAddinsRules,
      // Allow deliberately unused names when prefixed with "_" (e.g. ignored callback arguments).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
