/**
 * understand(text): what a citizen's Zalo message asks (one of CHAT_INTENTS) and what it names: a catalogue
 * procedure, a dossier code, a unit. Pure and local: folded words (message-tokens.ts) scored against the phrase tables
 * of shared/data/chatbot-*.ts and the catalogue's own names; no model, nothing downloaded. Tables are compiled once
 * per createUnderstand call.
 */
import {
  CATALOGUE_INTENTS,
  CHAT_INTENTS,
  INTENT_PRIORITY,
  MIN_INTENT_SCORE,
  MIN_PROCEDURE_SCORE,
  SHORT_MESSAGE_WORDS,
  intentPhrases,
  signalWeights,
  type ChatIntent,
  type Signal,
} from "../data/chatbot-intents.js";
import { otherProcedures, schemeProcedurePhrases } from "../data/chatbot-procedures.js";
import { DOSSIER_CODE_PATTERN, findDossierCodes } from "../dossier/dossier-code.js";
import type { IsoDate } from "../model.js";
import { procedureCatalog, type ProcedureCatalog } from "../procedures/catalog.js";
import { unitDirectory, type UnitDirectory } from "../units/unit-directory.js";
import { readMessageDetails, type AskedDay } from "./message-details.js";
import { createTokenizer, plainWords } from "./message-tokens.js";
import { buildPhraseIndex, type PhraseEntry } from "./phrase-index.js";
import { createUnitFinder } from "./unit-mentions.js";

export type { ChatIntent } from "../data/chatbot-intents.js";

export interface Understanding {
  intent: ChatIntent;
  /** A procedure of the catalogue, by its national code. */
  procedureCode?: string;
  /** Canonical dossier code found in the message. */
  dossierCode?: string;
  /** GSO code of the unit named, as in force on the finder's date. */
  unitCode?: string;
  /** Name of a procedure outside the catalogue (see otherProcedures). */
  otherProcedure?: string;
  /** The former unit the message named, when unitCode is its successor's. */
  formerUnitId?: string;
  /** The day asked about ("thứ 4 tuần sau"), relative to the message's date. */
  askedDay?: AskedDay;
  /** Asks where to submit or who decides. */
  asksWhere?: true;
  /** A complaint about an officer's conduct. */
  officerComplaint?: true;
}

export interface UnderstandOptions {
  units?: UnitDirectory;
  catalog?: Pick<ProcedureCatalog, "versions">;
  /** Units in force on this date win; default: the newest units of the data. */
  date?: IsoDate;
}

export type Understand = (text: string) => Understanding;

/** Longer messages are cut: nobody asks a question in more than this, and the cost stays bounded. */
const MAX_CHARS = 1000;
const CATALOGUE_NAME_WEIGHT = 4;
const TYPED_CODE_WEIGHT = 10;
const NEWEST = "9999-12-31";
const PROCEDURE_CODE = /(?<![\d.])(\d\.\d{6})(?!\d)/;
const ALL_DOSSIER_CODES = new RegExp(DOSSIER_CODE_PATTERN.source, "g");

export function createUnderstand(options: UnderstandOptions = {}): Understand {
  const units = options.units ?? unitDirectory;
  const versions = (options.catalog ?? procedureCatalog).versions;
  const intentCount = CHAT_INTENTS.length;
  const intentIndex = new Map(CHAT_INTENTS.map((intent, i) => [intent, i]));
  const schemeCodes = [...new Set([...Object.keys(schemeProcedurePhrases), ...versions.map((v) => v.code)])];
  const schemeOffset = intentCount;
  const otherOffset = schemeOffset + schemeCodes.length;

  const entries: PhraseEntry<number>[] = [];
  for (const [intent, phrases] of Object.entries(intentPhrases)) {
    for (const [phrase, weight] of phrases)
      entries.push({ phrase, weight, target: intentIndex.get(intent as ChatIntent)! });
  }
  schemeCodes.forEach((code, i) => {
    for (const [phrase, weight] of schemeProcedurePhrases[code] ?? [])
      entries.push({ phrase, weight, target: schemeOffset + i });
    for (const name of new Set(versions.filter((v) => v.code === code).map((v) => plainWords(v.name).join(" ")))) {
      entries.push({ phrase: name, weight: CATALOGUE_NAME_WEIGHT, target: schemeOffset + i });
    }
  });
  otherProcedures.forEach((p, i) => {
    for (const [phrase, weight] of p.phrases) entries.push({ phrase, weight, target: otherOffset + i });
  });
  const index = buildPhraseIndex(entries);
  const tokenizer = createTokenizer(index.vocabulary);
  const finder = createUnitFinder(units, options.date ?? NEWEST, new Set(tokenizer.known));
  tokenizer.learn(finder.words);

  const scores = new Float64Array(otherOffset + otherProcedures.length);
  const add = (target: number, weight: number) => {
    scores[target]! += weight;
  };
  const signal = (name: Signal) => {
    for (const [intent, weight] of Object.entries(signalWeights[name]))
      scores[intentIndex.get(intent as ChatIntent)!]! += weight;
  };
  const bestIn = (from: number, to: number): number => {
    let best = -1;
    for (let i = from; i < to; i += 1)
      if (scores[i]! >= MIN_PROCEDURE_SCORE && (best < 0 || scores[i]! > scores[best]!)) best = i;
    return best;
  };

  return function understand(input: string): Understanding {
    if (typeof input !== "string") return { intent: "fallback" };
    const text = input.slice(0, MAX_CHARS).normalize("NFC");
    scores.fill(0);

    const dossierCode = findDossierCodes(text)[0]?.dossierCode;
    const rest = dossierCode ? text.replace(ALL_DOSSIER_CODES, " ") : text;
    const typed = PROCEDURE_CODE.exec(rest)?.[1];
    const typedAt = typed === undefined ? -1 : schemeCodes.indexOf(typed);
    if (typedAt >= 0) scores[schemeOffset + typedAt]! += TYPED_CODE_WEIGHT;

    const tokens = tokenizer.tokenize(rest);
    index.match(tokens.words, add);

    let scheme = bestIn(schemeOffset, otherOffset);
    let other = bestIn(otherOffset, scores.length);
    if (scheme >= 0 && other >= 0) {
      if (scores[other]! > scores[scheme]!) scheme = -1;
      else other = -1;
    }
    if (scheme >= 0) signal("schemeProcedure");
    if (other >= 0) signal("otherProcedure");
    if (dossierCode) signal("dossierCode");
    const mention = finder.mention(tokens.plain, text);
    const unitCode = mention?.code;
    if (unitCode) signal("unit");
    if (tokens.words.length <= SHORT_MESSAGE_WORDS) signal("short");

    let intent: ChatIntent = "fallback";
    let top = MIN_INTENT_SCORE;
    for (const candidate of INTENT_PRIORITY) {
      const s = scores[intentIndex.get(candidate)!]!;
      if (s > top || (s === top && intent === "fallback" && s >= MIN_INTENT_SCORE)) {
        intent = candidate;
        top = s;
      }
    }
    if (other >= 0 && CATALOGUE_INTENTS.includes(intent)) intent = "not_in_scheme";

    const result: Understanding = { intent };
    if (scheme >= 0) result.procedureCode = schemeCodes[scheme - schemeOffset]!;
    if (other >= 0) result.otherProcedure = otherProcedures[other - otherOffset]!.name;
    if (dossierCode) result.dossierCode = dossierCode;
    if (unitCode) result.unitCode = unitCode;
    if (mention?.formerUnitId) result.formerUnitId = mention.formerUnitId;
    const details = readMessageDetails(text, tokens.plain);
    if (details.askedDay) result.askedDay = details.askedDay;
    if (details.asksWhere) result.asksWhere = true;
    if (details.officerComplaint) {
      result.officerComplaint = true;
      // "Cán bộ đòi tiền ngoài" is a complaint whatever else the words suggest.
      if (result.intent !== "dossier_status") result.intent = "feedback";
    }
    return result;
  };
}

let defaultUnderstand: Understand | undefined;

/** Over the shipped units and catalogue, preferring the units in force today's data ends with. */
export function understand(text: string): Understanding {
  defaultUnderstand ??= createUnderstand();
  return defaultUnderstand(text);
}
