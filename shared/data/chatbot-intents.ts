/**
 * What a citizen's message asks, as weighted folded phrases per intent (after chatbot-synonyms.ts). The matcher adds
 * the weights of every phrase present once; the best intent wins if it reaches MIN_INTENT_SCORE, else `fallback`.
 * Phrase syntax: "a b" = adjacent words; "a + b" = both anywhere in the message. A negative weight says "this
 * phrase means it is not that" ("học phí" is not a procedure fee). Tune by editing rows against the training part
 * of test/chatbot/labelled-messages.ts only.
 */
import type { WeightedPhrase } from "./chatbot-procedures.js";

export const CHAT_INTENTS = [
  "scheme_procedures", "scheme_schedule", "what_is_scheme", "procedure_checklist", "procedure_fee", "procedure_time",
  "dossier_status", "pre_register", "unit_info", "feedback", "human", "not_in_scheme", "greeting", "thanks", "fallback",
] as const;

export type ChatIntent = (typeof CHAT_INTENTS)[number];

/** Below this score nothing was really asked: `fallback`. */
export const MIN_INTENT_SCORE = 1.5;

/** A scheme procedure needs at least this phrase weight to count as named. */
export const MIN_PROCEDURE_SCORE = 2;

export const intentPhrases: Readonly<Record<Exclude<ChatIntent, "fallback" | "not_in_scheme">, readonly WeightedPhrase[]>> = {
  greeting: [
    ["chao", 1.6], ["xin chao", 0.3], ["kinh chao", 0.5], ["admin", 1], ["co ai khong", 1.6], ["co ai", 0.4], ["buoi sang", 0.3],
  ],
  thanks: [["cam on", 3.5], ["ok", 1.6], ["hieu roi", 1.5], ["ro roi", 1.5], ["da ro", 1.5], ["tot qua", 1]],
  what_is_scheme: [
    ["ngay khong hen", 0.8], ["ngay khong viet", 1.5], ["khong viet", 1], ["la gi", 1.5], ["nghia la", 1.5], ["co nghia", 1],
    ["la sao", 1.5], ["the nao la", 2], ["la nhu nao", 1.5], ["la the nao", 1.5], ["gioi thieu", 1.5], ["mo hinh", 1.5],
    ["chuong trinh", 1], ["hoat dong", 1], ["ra sao", 0.7], ["ai dien", 1.5], ["ai viet", 1.5], ["phai viet", 1], ["khong phai cho", 1],
    ["phieu hen", 0.5], ["khong hen la", 1.5], ["khong viet la", 1.5], ["nhu nao", 0.5],
  ],
  scheme_schedule: [
    ["ngay khong hen", 0.8], ["co ngay khong hen", 1], ["thu may", 2.5], ["vao thu", 1], ["hom nao", 2], ["ngay nao", 1.5], ["may gio", 1.5], ["truoc may gio", 1],
    ["den may gio", 0.7], ["het nhan", 1.5], ["gio nao", 1.5], ["15 gio", 2], ["3 gio chieu", 2], ["gio chieu", 1], ["con kip", 2],
    ["kip", 1], ["tu khi nao", 2], ["bat dau", 1.5], ["tu bao gio", 2], ["tiep theo", 1.5], ["thu tu", 1], ["tuan nay", 0.8],
    ["hom nay", 1], ["phai ngay khong hen", 1.5], ["nghi le", 1.5], ["trong ngay", 1], ["lay trong ngay", 0.5], ["nop truoc", 1],
    ["ap dung tu", 1.5],
  ],
  scheme_procedures: [
    ["ngay khong hen", 0.8], ["thu tuc nao", 2.5], ["nhung thu tuc", 2], ["cac thu tuc", 1.5], ["thu tuc gi", 1.5], ["danh sach", 2],
    ["danh muc", 2], ["ho so nao", 2], ["nhung ho so", 1.5], ["nhung viec", 1.5], ["lam duoc nhung", 1.5], ["bao nhieu thu tuc", 2.5],
    ["nhung loai", 1.5], ["giay to nao + trong ngay", 1.5], ["ap dung cho", 1.5], ["thuoc ngay khong hen", 2],
    ["thuoc + ngay khong hen", 1.5], ["nam trong", 1.5], ["co trong danh", 1.5], ["khong can hen", 2], ["lay ngay duoc", 1],
    ["trong ngay", 0.8], ["lam xong trong ngay", 1], ["duoc giai quyet", 1],
  ],
  procedure_checklist: [
    ["can gi", 2.5], ["can nhung gi", 2.5], ["can nhung giay", 2.5], ["giay to gi", 2.5], ["giay to nao", 2], ["nhung giay to", 2],
    ["can giay to", 2], ["mang gi", 2.5], ["mang theo", 2], ["can mang", 2], ["chuan bi", 2], ["gom nhung", 2.5], ["ho so gom", 2.5],
    ["thanh phan ho so", 3], ["ban chinh", 2], ["ban sao", 2], ["photo", 1.5], ["cong chung", 1], ["to khai", 1], ["mau don", 1.5],
    ["thu tuc", 0.7], ["lam thu tuc gi", 1.5], ["lam the nao", 1.5], ["lam sao", 1], ["can lam", 1],
  ],
  procedure_fee: [
    ["le phi", 3], ["phi", 2], ["bao nhieu tien", 3], ["mat phi", 1], ["mien phi", 3], ["chi phi", 1.5], ["ton bao nhieu", 2.5],
    ["het bao nhieu", 2.5], ["bao nhieu", 1], ["tien", 1], ["nop tien", 2], ["dong tien", 2], ["giam phi", 1], ["ton", 0.5],
    ["hoc phi", -3], ["vien phi", -3], ["tien dien", -3], ["tien nuoc", -3],
  ],
  procedure_time: [
    ["bao lau", 3], ["may ngay", 3], ["bao nhieu ngay", 3], ["may hom", 3], ["khi nao + xong", 1.5], ["bao gio + co ket qua", 2],
    ["khi nao + co", 1], ["bao gio", 1], ["khi nao", 1], ["thoi gian", 2], ["thoi han", 2.5], ["lau khong", 2], ["nhanh khong", 2],
    ["lay lien", 2.5], ["lay ngay", 2], ["lam lien", 2], ["trong ngay", 1], ["lay trong ngay", 1], ["co ket qua", 1], ["xong", 0.5],
    ["giai quyet", 0.5],
  ],
  dossier_status: [
    ["tra cuu", 2.5], ["tinh trang ho so", 3], ["ho so cua", 1.5], ["ho so + xong chua", 3], ["xong chua", 2.5], ["co ket qua chua", 3],
    ["ket qua chua", 1], ["duyet chua", 2.5], ["den dau roi", 3], ["toi dau", 2], ["sao roi", 2], ["the nao roi", 2], ["buoc nao", 2.5],
    ["dang xu ly", 1.5], ["kiem tra + ho so", 2], ["check + ho so", 2], ["xem ho so", 2], ["ma ho so", 2], ["nop roi", 1], ["da nop", 1],
    ["bo sung", 1.5], ["ho so + toi", 0.5], ["da xong", 1], ["tra cuu + o dau", 1],
  ],
  pre_register: [
    ["dang ky truoc", 3.5], ["khai truoc", 3.5], ["dien truoc", 3], ["khai san", 3], ["thong tin truoc", 2.5], ["dat lich", 3],
    ["lay so thu tu", 3], ["so thu tu", 2], ["online", 2], ["dang ky online", 1.5], ["truc tuyen", 2], ["qua zalo", 2.5], ["tren zalo", 2],
    ["ung dung", 2], ["o nha", 1.5], ["xep hang", 2.5], ["viet lai", 1.5],
  ],
  unit_info: [
    ["dia chi", 3], ["o dau", 1.2], ["cho nao", 2], ["ubnd", 0.5], ["nam o", 1.5], ["gio lam viec", 3], ["lam viec", 1.5], ["mo cua", 2.5], ["dong cua", 2.5],
    ["may gio", 1], ["gio hanh chinh", 3], ["nghi trua", 2], ["trua", 1], ["chieu may gio", 1.5], ["thu bay", 1.5], ["chu nhat", 2],
    ["so dien thoai", 2.5], ["lien he", 2], ["tru so", 3], ["tu may gio", 1.5], ["den may gio", 1], ["con nhan ho so", 2],
    ["co nhan ho so", 1.5],
  ],
  feedback: [
    ["phan anh", 4], ["gop y", 4], ["khieu nai", 4], ["to cao", 4], ["buc xuc", 3], ["nhung nhieu", 3.5], ["lam kho", 2.5], ["thai do", 2.5],
    ["kem", 1.5], ["cham qua", 2], ["qua cham", 2], ["khong hai long", 3], ["te", 1.5], ["tre hen", 2.5], ["qua han", 2], ["xin loi", 1],
    ["de nghi", 2.5], ["kien nghi", 4.5], ["y kien", 2.5], ["dong gop", 2.5], ["danh gia", 3], ["doi tien", 2.5], ["tien ngoai", 2],
    ["khong ai tiep", 2.5], ["kho dung", 2], ["that vong", 2.5],
  ],
  human: [
    ["gap can bo", 3.5], ["gap nguoi", 3], ["nguoi that", 3.5], ["noi chuyen", 2.5], ["nhan vien", 1.5], ["tu van vien", 3],
    ["tu van truc tiep", 2], ["truc tiep", 2], ["goi dien", 2], ["goi lai", 2.5], ["chuyen cho", 2], ["bot", 2], ["nguoi hay may", 3],
    ["co ai ho tro", 2], ["ho tro truc tiep", 2.5], ["tan noi", 3], ["can nguoi", 2.5], ["so dien thoai + can bo", 2.5], ["gap + can bo", 2],
    ["gap", 1], ["can bo phu trach", 2], ["chat voi", 1.5], ["hoi truc tiep", 2], ["tu van", 1.5], ["hoi chuyen", 2],
    ["voi can bo", 2],
  ],
};

/** What else in a message points at an intent: a named procedure, a dossier code, a unit, its length. */
export const signalWeights: Readonly<Record<Signal, Partial<Record<ChatIntent, number>>>> = {
  schemeProcedure: { procedure_checklist: 1.5, procedure_fee: 0.6, procedure_time: 0.6, pre_register: 0.3, scheme_procedures: 0.3 },
  otherProcedure: { not_in_scheme: 4 },
  dossierCode: { dossier_status: 6 },
  unit: { unit_info: 0.6, scheme_schedule: 0.3 },
  /** Two words or fewer ("ad ơi", "hi ad"): a greeting or a thank-you rather than a question. */
  short: { greeting: 0.5, thanks: 0.3 },
};

export type Signal = "schemeProcedure" | "otherProcedure" | "dossierCode" | "unit" | "short";

/** A message of at most this many words gets the `short` signal. */
export const SHORT_MESSAGE_WORDS = 2;

/**
 * Questions about a procedure outside the catalogue cannot be answered from it: checklist, fee, time or scheme
 * questions about such a procedure become `not_in_scheme` (the bot says it is not on the list and where to ask).
 */
export const CATALOGUE_INTENTS: readonly ChatIntent[] = [
  "procedure_checklist", "procedure_fee", "procedure_time", "scheme_procedures", "scheme_schedule", "pre_register", "what_is_scheme",
];

/** Equal scores: the earlier intent wins (specific before general). */
export const INTENT_PRIORITY: readonly ChatIntent[] = [
  "dossier_status", "feedback", "human", "not_in_scheme", "procedure_fee", "procedure_time", "procedure_checklist", "pre_register",
  "scheme_procedures", "scheme_schedule", "what_is_scheme", "unit_info", "thanks", "greeting", "fallback",
];
