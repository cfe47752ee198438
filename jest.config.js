/** Jest runs TypeScript through @swc/jest; NodeNext ".js" specifiers map back to the .ts sources. */
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          target: "es2022",
          transform: { react: { runtime: "automatic" } },
        },
        module: { type: "commonjs" },
      },
    ],
  },
  moduleNameMapper: {
    "^zmp-ui$": "zmp-ui/cjs/index.js",
    "^zmp-ui/esm/(.*)$": "zmp-ui/cjs/$1",
    "^zmp-sdk/apis$": "zmp-sdk",
    "\\.(css|less|scss)$": "<rootDir>/test/helpers/style-mock.cjs",
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
  setupFiles: ["<rootDir>/test/helpers/setup-dom.cjs"],
  testTimeout: 30000,
  // Two workers even on a 2-core machine (Jest's default there is one): most suites wait on a database, a server
  // process or Chromium, so two run side by side in about half the time.
  maxWorkers: 2,
};
