/**
 * A chat message as folded words: NFC/NFD and tone placement do not matter, "15h30" reads "15 gio 30", teen-code and
 * abbreviations become the canonical words of chatbot-synonyms.ts, repeated final letters ("khongg") are trimmed and
 * a long unknown word one typo away from a known word is read as that word.
 */
import { PHRASE_SYNONYMS, STOP_WORDS, TOKEN_SYNONYMS } from "../data/chatbot-synonyms.js";
import { foldVietnamese } from "../text/fold.js";

export interface MessageTokens {
  /** Canonical words for intent and procedure phrases. */
  words: string[];
  /** Folded words before synonyms (unit names such as "Đắk Ha" or "Ea T'Ling" → "dak ha", "ea tling"). */
  plain: string[];
}

export interface Tokenizer {
  tokenize(text: string): MessageTokens;
  /** Adds words that typo correction may aim at (unit names, catalogue words). */
  learn(words: Iterable<string>): void;
  /** Every canonical word the tables use. */
  readonly known: ReadonlySet<string>;
}

const APOSTROPHES = /['’ʼ`]/g;
const HOURS = /(\d{1,2})\s*(?:h|g|gio)\s*(\d{2})?(?![a-z])/g;
const NOT_WORD = /[^a-z0-9]+/g;
const MIN_TYPO_LENGTH = 5;
const CACHE_LIMIT = 20_000;

/** Folded words of a text, before synonyms. */
export function plainWords(text: string): string[] {
  const folded = foldVietnamese(text)
    .replace(APOSTROPHES, "")
    .replace(HOURS, " $1 gio $2 ")
    .replace(NOT_WORD, " ")
    .trim();
  return folded === "" ? [] : folded.split(" ");
}

interface PhraseRule {
  from: readonly string[];
  to: readonly string[];
}

export function createTokenizer(vocabulary: Iterable<string>): Tokenizer {
  const stop = new Set(STOP_WORDS);
  const synonyms = new Map(Object.entries(TOKEN_SYNONYMS).map(([k, v]) => [k, v.split(" ")]));
  const rules = new Map<string, PhraseRule[]>();
  for (const [from, to] of [...PHRASE_SYNONYMS].sort((a, b) => b[0].split(" ").length - a[0].split(" ").length)) {
    const words = from.split(" ");
    const list = rules.get(words[0]!) ?? [];
    list.push({ from: words, to: to.split(" ") });
    rules.set(words[0]!, list);
  }
  const known = new Set<string>([
    ...vocabulary,
    ...[...synonyms.values()].flat(),
    ...[...rules.values()].flat().flatMap((r) => r.to),
  ]);
  // Symmetric-delete index: every known word and its one-letter deletions → the known words they come from.
  const deletions = new Map<string, Set<string>>();
  const indexWord = (w: string) => {
    if (w.length < MIN_TYPO_LENGTH - 1 || /\d/.test(w)) return;
    for (const key of [w, ...oneDeletions(w)]) {
      let set = deletions.get(key);
      if (!set) deletions.set(key, (set = new Set()));
      set.add(w);
    }
  };
  for (const w of known) indexWord(w);
  const corrections = new Map<string, string>();

  function correct(word: string): string {
    if (known.has(word) || synonyms.has(word) || word.length < MIN_TYPO_LENGTH || /\d/.test(word)) return word;
    const cached = corrections.get(word);
    if (cached !== undefined) return cached;
    let result = word;
    const trimmed = word.replace(/(.)\1+$/, "$1");
    if (trimmed !== word && (known.has(trimmed) || synonyms.has(trimmed))) result = trimmed;
    else {
      const candidates = new Set<string>();
      for (const key of [word, ...oneDeletions(word)]) for (const c of deletions.get(key) ?? []) candidates.add(c);
      // Only an unambiguous neighbour: Vietnamese syllables are dense, a guess between two words is no correction.
      if (candidates.size === 1) result = [...candidates][0]!;
    }
    if (corrections.size >= CACHE_LIMIT) corrections.clear();
    corrections.set(word, result);
    return result;
  }

  function applyPhraseRules(words: string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < words.length;) {
      const rule = rules.get(words[i]!)?.find((r) => r.from.every((w, k) => words[i + k] === w));
      if (rule) {
        out.push(...rule.to);
        i += rule.from.length;
      } else {
        out.push(words[i]!);
        i += 1;
      }
    }
    return out;
  }

  return {
    known,
    learn(words) {
      for (const w of words) {
        if (known.has(w)) continue;
        known.add(w);
        indexWord(w);
      }
      corrections.clear();
    },
    tokenize(text) {
      const plain = plainWords(text);
      const mapped: string[] = [];
      for (const raw of plain) {
        if (stop.has(raw)) continue;
        const w = correct(raw);
        const syn = synonyms.get(w);
        if (syn) mapped.push(...syn);
        else mapped.push(w);
      }
      return { words: applyPhraseRules(mapped), plain };
    },
  };
}

function oneDeletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i += 1) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}
