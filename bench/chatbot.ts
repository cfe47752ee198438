/**
 * `npm run bench -- chatbot`: how well and how fast understand() reads citizen messages. Accuracy on the training
 * part and on the held-out fifth of test/chatbot/labelled-messages.ts (never used for tuning); messages/s on one core
 * over the whole set, tables compiled before timing.
 */
import { understand } from "../shared/chatbot/understand.js";
import {
  heldOutMessages,
  labelledMessages,
  messageText,
  trainingMessages,
  type LabelledMessage,
} from "../test/chatbot/labelled-messages.js";

const INTENT_GOAL = 0.95;
const SPEED_GOAL = 20_000;
const ROUNDS = 5;
const PER_ROUND = 100_000;

function score(messages: readonly LabelledMessage[]) {
  let intent = 0;
  let procedure = 0;
  let named = 0;
  let namedRight = 0;
  for (const m of messages) {
    const r = understand(messageText(m));
    if (r.intent === m.intent) intent += 1;
    if (r.procedureCode === m.procedureCode) procedure += 1;
    if (m.procedureCode) {
      named += 1;
      if (r.procedureCode === m.procedureCode) namedRight += 1;
    }
  }
  return {
    n: messages.length,
    intent: intent / messages.length,
    procedure: procedure / messages.length,
    named,
    namedRight,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const train = score(trainingMessages);
const held = score(heldOutMessages);
console.log(`labelled messages: ${labelledMessages.length} (training ${train.n}, held out ${held.n})`);
console.log(`intent accuracy: training ${pct(train.intent)}, held out ${pct(held.intent)}`);
console.log(
  `procedure accuracy (all messages, "none" included): training ${pct(train.procedure)}, held out ${pct(held.procedure)}`,
);
console.log(
  `procedure named and found: training ${train.namedRight}/${train.named}, held out ${held.namedRight}/${held.named}`,
);

const texts = labelledMessages.map(messageText);
for (let i = 0; i < PER_ROUND; i += 1) understand(texts[i % texts.length]!);
const rates: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i += 1) understand(texts[i % texts.length]!);
  rates.push(PER_ROUND / (Number(process.hrtime.bigint() - start) / 1e9));
}
rates.sort((a, b) => a - b);
const median = Math.round(rates[Math.floor(ROUNDS / 2)]!);
console.log(
  `messages/s (one core, median of ${ROUNDS} × ${PER_ROUND}): ${median} (min ${Math.round(rates[0]!)}, max ${Math.round(rates[ROUNDS - 1]!)})`,
);
console.log(
  `goal intent accuracy (held out): ${pct(held.intent)} (≥ ${INTENT_GOAL * 100}%) ${held.intent >= INTENT_GOAL ? "ok" : "short"}`,
);
console.log(`goal messages/s: ${median} (≥ ${SPEED_GOAL}) ${median >= SPEED_GOAL ? "ok" : "short"}`);
