/** Errors of decideTrack and schemeStatusAt: a code, Vietnamese text for people, English for API clients. */

export type TrackErrorCode =
  | "invalid_input"
  | "invalid_time"
  | "unknown_unit"
  | "unknown_procedure"
  | "procedure_not_in_force"
  | "not_received_here"
  | "unknown_flag";

export interface TrackError {
  ok: false;
  code: TrackErrorCode;
  error: string;
  errorEn: string;
}

type Template = (a: string, b: string, c: string, d: string) => [vi: string, en: string];

const messages: Record<TrackErrorCode, Template> = {
  invalid_input: () => [
    "Thiếu mã đơn vị, mã thủ tục hoặc thời điểm tiếp nhận",
    "unitCode, procedureCode and at are required strings; flags must be an array of strings",
  ],
  invalid_time: (at) => [
    `Thời điểm tiếp nhận "${at}" không hợp lệ; dùng dạng 2024-03-13T10:00:00+07:00`,
    `"${at}" is not an ISO 8601 instant with an offset (e.g. 2024-03-13T10:00:00+07:00) between 1900 and 2199`,
  ],
  unknown_unit: (code, date) => [
    `Không có đơn vị hành chính mã ${code} vào ngày ${date}`,
    `no administrative unit holds code ${code} on ${date}`,
  ],
  unknown_procedure: (code) => [
    `Không có thủ tục mã ${code} trong danh mục`,
    `procedure ${code} is not in the catalog`,
  ],
  procedure_not_in_force: (code, date) => [
    `Thủ tục ${code} chưa có phiên bản áp dụng vào ngày ${date}`,
    `procedure ${code} has no version in force on ${date}`,
  ],
  not_received_here: (procedure, unit, date, where) => [
    `Thủ tục ${procedure} không được tiếp nhận tại ${unit} vào ngày ${date}${where ? `; ông/bà nộp hồ sơ tại ${where}` : ""}`,
    `procedure ${procedure} is not received at ${unit} on ${date}${where ? `; it is received at: ${where}` : ""}`,
  ],
  unknown_flag: (flag, code) => [
    `Tình huống "${flag}" không được định nghĩa cho thủ tục ${code}`,
    `case flag "${flag}" is not defined for procedure ${code}`,
  ],
};

export function trackError(code: TrackErrorCode, a = "", b = "", c = "", d = ""): TrackError {
  const [error, errorEn] = messages[code](a, b, c, d);
  return { ok: false, code, error, errorEn };
}
