/** How units are written in Vietnamese text: lower-case type word, then the name. */
import type { AdminUnit, UnitType } from "../model.js";

/** The type word as written before a name ("thành phố Hà Nội", not "thành phố trực thuộc trung ương Hà Nội"). */
export const UNIT_TYPE_WORD: Record<UnitType, string> = {
  tỉnh: "tỉnh",
  "thành phố trực thuộc trung ương": "thành phố",
  "thành phố": "thành phố",
  "thị xã": "thị xã",
  huyện: "huyện",
  quận: "quận",
  xã: "xã",
  phường: "phường",
  "thị trấn": "thị trấn",
  "đặc khu": "đặc khu",
};

/** Folded type words and common abbreviations people type before a name. */
export const UNIT_TYPE_SEARCH_WORDS: Record<UnitType, readonly string[]> = {
  tỉnh: ["tinh"],
  "thành phố trực thuộc trung ương": ["thanh pho", "tp"],
  "thành phố": ["thanh pho", "tp"],
  "thị xã": ["thi xa", "tx"],
  huyện: ["huyen"],
  quận: ["quan"],
  xã: ["xa"],
  phường: ["phuong"],
  "thị trấn": ["thi tran", "tt"],
  "đặc khu": ["dac khu"],
};

/** "xã Quảng Khê", "thành phố Gia Nghĩa", "tỉnh Lâm Đồng". */
export function displayName(unit: Pick<AdminUnit, "type" | "name">): string {
  return `${UNIT_TYPE_WORD[unit.type]} ${unit.name}`;
}
