/**
 * `npm run test:unit`: the pure suites only (domain in shared/, chatbot understanding and replies, mini-app form
 * logic, notification policies, webhook signatures): no database, Redis, browser, server or child process, so the
 * run takes seconds. `npm test` (jest.config.js) runs these and every other suite.
 */
import base from "./jest.config.js";

export default {
  ...base,
  testMatch: [
    "<rootDir>/test/shared/**/*.test.ts",
    "<rootDir>/test/chatbot/**/*.test.ts",
    "<rootDir>/test/mini-app/form-logic.test.ts",
    "<rootDir>/test/mini-app/journeys-texts.test.ts",
    "<rootDir>/test/notify/channel-choice.test.ts",
    "<rootDir>/test/notify/message-templates.test.ts",
    "<rootDir>/test/notify/send-policy.test.ts",
    "<rootDir>/test/zalo/signature.test.ts",
  ],
};
