/**
 * The chatbot's fixed Vietnamese sentences. Facts (procedures, weekdays, cutoffs, hours, fees, dates) never appear
 * here: compose-reply.ts fills them from the catalogue, the scheme plans and the calendar in force.
 */

export const REPLY_TEXT = {
  capabilities:
    "Tôi có thể giúp ông/bà:\n• Giấy tờ cần mang, lệ phí, thời hạn của thủ tục\n• Ngày không hẹn: thủ tục nào, ngày nào, nhận hồ sơ đến mấy giờ\n" +
    "• Tra cứu tình trạng hồ sơ (gửi mã hồ sơ in trên phiếu hẹn)\n• Khai trước thông tin trên Zalo để đến nơi không phải viết",
  example: "Ví dụ: \"làm giấy xác nhận độc thân cần gì\". Nhắn \"gặp cán bộ\" để được cán bộ hỗ trợ.",
  welcome: "Chào mừng ông/bà đến với Bộ phận Một cửa trên Zalo! Tôi là trợ lý tự động.",
  greeting: "Xin chào ông/bà!",
  thanks: "Rất vui được hỗ trợ ông/bà. Khi cần, ông/bà cứ nhắn câu hỏi.",
  fallback: "Xin lỗi, tôi chưa hiểu câu hỏi.",
  media: "Cảm ơn ông/bà. Tôi chưa đọc được hình ảnh, nhãn dán hay vị trí, ông/bà vui lòng nhắn câu hỏi bằng chữ.",
  whatIsNoWriting: "Ngày không viết: cán bộ Bộ phận Một cửa điền giúp toàn bộ tờ khai, ông/bà chỉ kiểm tra lại và ký.",
  whatIsNoAppointment:
    "Ngày không hẹn: vào ngày quy định trong tuần, hồ sơ đầy đủ của thủ tục trong danh mục được tiếp nhận, giải quyết và trả kết quả ngay trong ngày, không phải hẹn lại. " +
    "Nộp sau giờ chốt, hồ sơ chưa đủ hoặc thủ tục ngoài danh mục thì giải quyết theo thời hạn thông thường, có phiếu hẹn.",
  askUnit: "Ông/bà hỏi ở xã/phường nào? Nhắn tên xã/phường (ví dụ: \"xã Quảng Khê\") để tôi trả lời đúng nơi ông/bà nộp hồ sơ.",
  askProcedure: "Ông/bà hỏi thủ tục nào? Các thủ tục tôi trả lời được:",
  askDossierCode:
    "Ông/bà gửi mã hồ sơ in trên Giấy tiếp nhận và hẹn trả kết quả (dạng 000.00.01.H29-240115-0001) để tôi tra cứu, hoặc bấm \"Tra cứu hồ sơ\".",
  dossierNotFound: "Không tìm thấy hồ sơ có mã này. Vui lòng kiểm tra lại mã trên phiếu hẹn hoặc liên hệ Bộ phận Một cửa.",
  dossierPrivacy: "Để bảo vệ thông tin cá nhân, tôi chỉ báo tình trạng và ngày hẹn trả.",
  preRegister:
    "Ông/bà có thể khai trước thông tin trên Zalo Mini App: chọn xã/phường, chọn thủ tục, điền thông tin và nhận mã đăng ký. " +
    "Khi đến Bộ phận Một cửa, đọc mã (hoặc đưa mã QR), cán bộ đối chiếu giấy tờ, ông/bà không phải viết lại.",
  feedback:
    "Cảm ơn ông/bà đã phản ánh, góp ý. Để ý kiến được ghi nhận và trả lời, vui lòng gửi qua mục Góp ý trên Zalo Mini App (có thể ghi mã hồ sơ), " +
    "hoặc nhắn \"gặp cán bộ\". Thông tin của ông/bà được bảo mật.",
  human: "Tôi đã chuyển cuộc trò chuyện cho cán bộ Bộ phận Một cửa; cán bộ sẽ trả lời trong giờ làm việc.",
  notInScheme: "không thuộc danh mục Ngày không hẹn (trả kết quả trong ngày); hồ sơ vẫn được tiếp nhận và giải quyết theo thời hạn thông thường, có phiếu hẹn.",
  notInSchemeGeneric: "Thủ tục ông/bà hỏi",
  assistedWriting: "Ngày không viết: cán bộ điền tờ khai giúp ông/bà.",
  feeUnknownProvince: "Mức thu do HĐND tỉnh quy định; nhắn tên xã/phường để tôi tra đúng tỉnh.",
  unknownPhone: "chưa cập nhật (cần kiểm tra)",
  addressToVerify: "địa chỉ cụ thể cần kiểm tra",
  toVerify: "cần kiểm tra",
  demoPlan: "cấu hình minh họa, không phải quyết định chính thức",
} as const;

/** Button titles (Zalo shows about 35 characters). */
export const BUTTON_TEXT = {
  statusPage: "Tra cứu hồ sơ",
  miniApp: "Mở Zalo Mini App",
  preEntry: "Khai trước thông tin",
  procedure: "Xem thủ tục",
  unit: "Thông tin đơn vị",
  dossier: "Xem hồ sơ",
  feedback: "Gửi góp ý",
  human: "Gặp cán bộ",
  whatIs: "Ngày không hẹn là gì?",
  schemeProcedures: "Thủ tục trả trong ngày",
  fee: "Lệ phí",
  time: "Thời hạn giải quyết",
  checklist: "Giấy tờ cần mang",
} as const;

/** What a button sends back as the citizen's message (understand() reads it like typed text). */
export const BUTTON_QUERY = {
  human: "gặp cán bộ",
  whatIs: "Ngày không hẹn là gì",
  schemeProcedures: "thủ tục nào được trả trong ngày",
  fee: (procedureCode: string) => `lệ phí ${procedureCode}`,
  time: (procedureCode: string) => `thời hạn ${procedureCode}`,
  checklist: (procedureCode: string) => `giấy tờ cần mang ${procedureCode}`,
} as const;
