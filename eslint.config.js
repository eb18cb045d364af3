// ESLint for the front end (static/atlas/js: ES modules in the browser, Leaflet as the global L)
// and its unit tests (tests/js: Node's test runner). `make lint` runs it beside ruff.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", "static/vendor/", "var/", ".venv/"] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // "_name" marks an argument or caught error that is deliberately unused.
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["static/**/*.js"],
    // Leaflet (a classic script before the modules) is declared by each module that uses it: /* global L */.
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: { globals: { ...globals.node } },
  },
];
