/**
 * How citizens actually type on Zalo, folded (no diacritics, đ → d, lower case): abbreviations, teen-code and
 * dialect spellings mapped to one canonical folded form before any matching. Written from common Vietnamese
 * chat usage; extend by adding rows, never by adding code.
 */

/** One token → its canonical folded words (may be several words). */
export const TOKEN_SYNONYMS: Readonly<Record<string, string>> = {
  // không
  ko: "khong", k: "khong", kh: "khong", khg: "khong", kg: "khong", hok: "khong", hong: "khong", hem: "khong", hk: "khong",
  khum: "khong", khog: "khong", kong: "khong",
  // được, gì, rồi, với, vậy
  dc: "duoc", dk: "dang ky", j: "gi", z: "vay", v: "vay", r: "roi", vs: "voi", zay: "vay", dzay: "vay",
  // people and addressing
  ad: "admin", adm: "admin", e: "em", c: "chi", cj: "chi", mk: "minh", mik: "minh", mjk: "minh", m: "minh",
  ng: "nguoi", ngta: "nguoi ta", cb: "can bo", nv: "nhan vien", b: "ban",
  // question words
  bn: "bao nhieu", bnhieu: "bao nhieu", bnh: "bao nhieu", baonhieu: "bao nhieu", bnhiu: "bao nhieu", nhiu: "nhieu",
  ntn: "nhu the nao", lsao: "lam sao", bh: "bao gio", bjo: "bao gio", bg: "bao gio", bik: "biet", bit: "biet", bt: "biet",
  // chat verbs
  lm: "lam", wa: "qua", ms: "moi", ns: "noi", coi: "xem", oke: "ok", okie: "ok", okla: "ok",
  // documents and offices
  hs: "ho so", gt: "giay to", gto: "giay to", xn: "xac nhan", ub: "ubnd", sdt: "so dien thoai", dt: "dien thoai",
  dthoai: "dien thoai", hotline: "so dien thoai", gcn: "so do", cccd: "can cuoc", cmnd: "can cuoc",
  cmt: "can cuoc", ccd: "can cuoc", tthc: "thu tuc", nh: "ngan hang", pgd: "ngan hang",
  // procedures
  hkd: "ho kinh doanh", dkkd: "dang ky kinh doanh", gpkd: "giay phep kinh doanh", tthn: "tinh trang hon nhan",
  xnthn: "xac nhan tinh trang hon nhan", qsdd: "quyen su dung dat", qsd: "quyen su dung", dkbpbd: "dang ky bien phap bao dam",
  // greetings and thanks
  hi: "chao", hello: "chao", helo: "chao", hallo: "chao", alo: "chao", xinchao: "xin chao",
  tks: "cam on", thanks: "cam on", thank: "cam on", thks: "cam on", thanhks: "cam on", thx: "cam on",
  camon: "cam on", cmon: "cam on",
  // time
  t2: "thu hai", t3: "thu ba", t4: "thu tu", t5: "thu nam", t6: "thu sau", t7: "thu bay", cn: "chu nhat",
  h: "gio",
  // online
  onl: "online", onlai: "online", app: "ung dung", zl: "zalo",
};

/** Several folded words → canonical words (longest first); applied after TOKEN_SYNONYMS. */
export const PHRASE_SYNONYMS: readonly (readonly [from: string, to: string])[] = [
  ["dang ki", "dang ky"],
  ["dang ky ky", "dang ky"],
  ["cam on on", "cam on"],
  ["cam ta", "cam on"],
  ["thu 2", "thu hai"], ["thu 3", "thu ba"], ["thu 4", "thu tu"], ["thu 5", "thu nam"], ["thu 6", "thu sau"], ["thu 7", "thu bay"],
  ["so hong", "so do"],
  ["giay chung nhan quyen su dung dat", "so do"],
  ["giay chung nhan qsdd", "so do"],
  ["bia do", "so do"],
  ["mini app", "ung dung"],
  ["miniapp", "ung dung"],
  ["hop dong the chap", "the chap"],
  ["giai the chap", "giai chap"],
  ["ho ca the", "ho kinh doanh"],
  ["kinh doanh ca the", "ho kinh doanh"],
  ["bo phan 1 cua", "bo phan mot cua"],
  ["1 cua", "mot cua"],
  ["giay dang ky kinh doanh", "giay phep kinh doanh"],
];

/** Folded words that carry no meaning for matching (politeness particles, fillers). */
export const STOP_WORDS: readonly string[] = [
  "a", "ah", "ha", "nhe", "nha", "nhi", "oi", "u", "uh", "uhm", "um", "vang", "ak", "ahh", "hihi", "hic", "nhaa",
];
