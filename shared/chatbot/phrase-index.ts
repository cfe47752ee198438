/**
 * A compiled table of weighted phrases over folded tokens: a word trie finds every contiguous part in one pass, then
 * each feature ("a b" or "a b + c") whose parts all occurred adds its weight once. Built once; matching allocates
 * almost nothing, so tens of thousands of messages per second fit on one core.
 */

export interface PhraseEntry<T> {
  /** Folded words; "+" joins parts that may appear anywhere ("xoa + the chap"). */
  phrase: string;
  target: T;
  weight: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  part: number;
}

interface Feature<T> {
  parts: readonly number[];
  target: T;
  weight: number;
}

export interface PhraseIndex<T> {
  /** Calls `add` once per feature present in `tokens`. */
  match(tokens: readonly string[], add: (target: T, weight: number) => void): void;
  /** Every word used by some phrase. */
  readonly vocabulary: ReadonlySet<string>;
}

const newNode = (): TrieNode => ({ next: new Map(), part: -1 });

export function buildPhraseIndex<T>(entries: readonly PhraseEntry<T>[]): PhraseIndex<T> {
  const root = newNode();
  const partIds = new Map<string, number>();
  const vocabulary = new Set<string>();
  const byFirstPart: Feature<T>[][] = [];

  const partId = (part: string): number => {
    const words = part.split(" ").filter(Boolean);
    if (words.length === 0) throw new RangeError(`empty phrase part in "${part}"`);
    const key = words.join(" ");
    let id = partIds.get(key);
    if (id !== undefined) return id;
    id = partIds.size;
    partIds.set(key, id);
    byFirstPart.push([]);
    let node = root;
    for (const w of words) {
      vocabulary.add(w);
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = newNode()));
      node = child;
    }
    node.part = id;
    return id;
  };

  for (const e of entries) {
    const parts = [...new Set(e.phrase.split("+").map(partId))];
    byFirstPart[parts[0]!]!.push({ parts, target: e.target, weight: e.weight });
  }

  // Generation stamps instead of a Set per message: stamp[id] === generation means "seen in this message".
  const stamp = new Uint32Array(partIds.size);
  let generation = 0;
  const seen: number[] = [];

  return {
    vocabulary,
    match(tokens, add) {
      generation = generation === 0xffffffff ? 1 : generation + 1;
      if (generation === 1) stamp.fill(0);
      seen.length = 0;
      for (let i = 0; i < tokens.length; i += 1) {
        let node: TrieNode | undefined = root;
        for (let j = i; j < tokens.length; j += 1) {
          node = node.next.get(tokens[j]!);
          if (!node) break;
          if (node.part >= 0 && stamp[node.part] !== generation) {
            stamp[node.part] = generation;
            seen.push(node.part);
          }
        }
      }
      for (const id of seen) {
        for (const f of byFirstPart[id]!) {
          let all = true;
          for (let k = 1; k < f.parts.length && all; k += 1) all = stamp[f.parts[k]!] === generation;
          if (all) add(f.target, f.weight);
        }
      }
    },
  };
}
