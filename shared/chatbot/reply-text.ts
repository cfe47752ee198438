/**
 * What every chatbot message goes through before a citizen reads it: citizen words for the abbreviations officials
 * use, no data markers, and a length a phone screen can take. Zalo accepts 2,000 characters in a CS message
 * (developers.zalo.me, "Gửi tin Tư vấn"); the product keeps to 1,000 and drops whole lines from the end rather than
 * cutting a word.
 */
export const MAX_REPLY_CHARS = 1000;

/** Abbreviations a citizen would not know, with the words to say instead. */
const JARGON: readonly [RegExp, string][] = [
  [/\bCSDL\b/g, "cơ sở dữ liệu"],
  [/\bTTHC\b/g, "thủ tục hành chính"],
  [/\bHĐND\b/g, "Hội đồng nhân dân"],
  [/\bTN&MT\b/g, "Tài nguyên và Môi trường"],
  [/\bVPĐKĐĐ\b/g, "Văn phòng đăng ký đất đai"],
  [/\bQSDĐ\b/g, "quyền sử dụng đất"],
];

/** Markers of the data (evidence tags, "cần kiểm tra") that must never reach a citizen; the console keeps them. */
export const INTERNAL_MARKERS: readonly RegExp[] = [
  /cần kiểm tra/i,
  /cấu hình minh họa/i,
  /minh hoạ/i,
  /\[[A-Z?]{1,2}\]/,
  /[[\]]/,
  /\bCSDL\b/,
  /\bTTHC\b/,
  /…/,
];

export function citizenText(line: string): string {
  let out = line;
  for (const [pattern, words] of JARGON) out = out.replace(pattern, words);
  // Evidence tags such as "[S]" or "[?]" and a stray "(cần kiểm tra)" are for the console.
  out = out
    .replace(/\s*\[[A-Z?]{1,2}\]/g, "")
    .replace(/\s*\((?:cần kiểm tra|chưa kiểm chứng)\)/gi, "")
    .replace(/[;,]?\s*cần kiểm tra/gi, "");
  return out;
}

export function joinLines(lines: readonly string[]): string {
  return lines.join("\n");
}

/**
 * The lines joined, at most `max` characters: whole lines are dropped from the end (the first line stays); a first
 * line that is itself too long ends at its last sentence, or its last whole word, that fits. Never an ellipsis.
 */
export function fitMessage(lines: readonly string[], max: number): string {
  const kept = [...lines];
  while (kept.length > 1 && joinLines(kept).length > max) kept.pop();
  const text = joinLines(kept);
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const sentence = head.lastIndexOf(". ");
  if (sentence > max / 2) return head.slice(0, sentence + 1);
  const space = head.lastIndexOf(" ");
  return (space > 0 ? head.slice(0, space) : head).replace(/[,;:–-]+$/, "");
}
