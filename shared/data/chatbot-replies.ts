/**
 * The chatbot's fixed Vietnamese sentences. Facts (procedures, weekdays, cutoffs, hours, fees, dates) never appear
 * here: compose-reply.ts fills them from the catalogue, the scheme plans and the calendar in force.
 */

export const REPLY_TEXT = {
  capabilities:
    "Tôi có thể giúp ông/bà:\n• Giấy tờ cần mang, lệ phí, thời hạn của thủ tục\n• Ngày không hẹn: thủ tục nào, ngày nào, nhận hồ sơ đến mấy giờ\n" +
    "• Tra cứu tình trạng hồ sơ (gửi mã hồ sơ in trên phiếu hẹn)\n• Khai trước thông tin trên Zalo để đến nơi không phải viết",
  example: 'Ví dụ: "làm giấy xác nhận độc thân cần gì". Nhắn "gặp cán bộ" để được cán bộ hỗ trợ.',
  welcome: "Chào mừng ông/bà đến với Bộ phận Một cửa trên Zalo! Tôi là trợ lý tự động.",
  greeting: "Xin chào ông/bà!",
  thanks: "Rất vui được hỗ trợ ông/bà. Khi cần, ông/bà cứ nhắn câu hỏi.",
  fallback: "Xin lỗi, tôi chưa hiểu câu hỏi.",
  media: "Cảm ơn ông/bà. Tôi chưa đọc được hình ảnh, nhãn dán hay vị trí, ông/bà vui lòng nhắn câu hỏi bằng chữ.",
  whatIsNoWriting: "Ngày không viết: cán bộ Bộ phận Một cửa điền giúp toàn bộ tờ khai, ông/bà chỉ kiểm tra lại và ký.",
  whatIsNoAppointment:
    "Ngày không hẹn: vào ngày quy định trong tuần, hồ sơ đầy đủ của thủ tục trong danh mục được tiếp nhận, giải quyết và trả kết quả ngay trong ngày, không phải hẹn lại. " +
    "Nộp sau giờ chốt, hồ sơ chưa đủ hoặc thủ tục ngoài danh mục thì giải quyết theo thời hạn thông thường, có phiếu hẹn.",
  askUnit:
    'Ông/bà hỏi ở xã/phường nào? Nhắn tên xã/phường (ví dụ: "xã Quảng Khê") để tôi trả lời đúng nơi ông/bà nộp hồ sơ.',
  askProcedure: "Ông/bà hỏi thủ tục nào? Các thủ tục tôi trả lời được:",
  askDossierCode:
    'Ông/bà gửi mã hồ sơ in trên Giấy tiếp nhận và hẹn trả kết quả (dạng 000.00.01.H29-240115-0001) để tôi tra cứu, hoặc bấm "Tra cứu hồ sơ".',
  dossierNotFound:
    "Không tìm thấy hồ sơ có mã này. Vui lòng kiểm tra lại mã trên phiếu hẹn hoặc liên hệ Bộ phận Một cửa.",
  dossierPrivacy: "Để bảo vệ thông tin cá nhân, tôi chỉ báo tình trạng và ngày hẹn trả.",
  preRegister:
    "Ông/bà có thể khai trước thông tin trên Zalo Mini App: chọn xã/phường, chọn thủ tục, điền thông tin và nhận mã đăng ký. " +
    "Khi đến Bộ phận Một cửa, đọc mã (hoặc đưa mã QR), cán bộ đối chiếu giấy tờ, ông/bà không phải viết lại.",
  feedback:
    "Cảm ơn ông/bà đã phản ánh, góp ý. Để ý kiến được ghi nhận và trả lời, vui lòng gửi qua mục Góp ý trên Zalo Mini App (có thể ghi mã hồ sơ), " +
    'hoặc nhắn "gặp cán bộ". Thông tin của ông/bà được bảo mật.',
  human: "Tôi đã chuyển cuộc trò chuyện cho cán bộ Bộ phận Một cửa; cán bộ sẽ trả lời trong giờ làm việc.",
  notInScheme:
    "không thuộc danh mục Ngày không hẹn (trả kết quả trong ngày): giải quyết theo thời hạn thông thường, có phiếu hẹn.",
  notInSchemeGeneric: "Thủ tục ông/bà hỏi",
  assistedWriting: "Ngày không viết: cán bộ điền tờ khai giúp ông/bà.",
  feeUnknownProvince: "Mức thu do Hội đồng nhân dân tỉnh quy định; nhắn tên xã, phường để tôi tra đúng tỉnh.",
  unknownPhone: "chưa cập nhật",
  feeNotConfirmed: "mức lệ phí do tỉnh quy định, vui lòng hỏi Bộ phận Một cửa khi nộp hồ sơ",
  hoursUsual: "giờ hành chính thông thường, nên gọi hỏi trước khi đến",
  /** Said once per conversation when an answer comes from a plan that is not an official decision. */
  demoNotice:
    "Lưu ý: lịch và danh mục Ngày không hẹn ở đây đang dùng thử, chưa phải quyết định chính thức của tỉnh; ông/bà nên hỏi Bộ phận Một cửa trước khi đến.",
  askUnitShort: "Ông/bà nhắn tên xã, phường của mình để tôi trả lời đúng nơi nộp hồ sơ.",
  narrowDown: "Nhắn tên xã, phường của ông/bà để biết giờ làm việc và nơi nộp hồ sơ.",
  moreDocuments: 'Một số giấy tờ khác tùy trường hợp: bấm "Xem thủ tục" để xem đủ.',
  welcomeShort:
    'Tôi trả lời ngay về Ngày không hẹn, giấy tờ cần mang, lệ phí và tình trạng hồ sơ. Ông/bà bấm một nút bên dưới hoặc nhắn câu hỏi, ví dụ: "làm giấy xác nhận độc thân cần gì".',
  officerComplaint:
    "Chúng tôi thành thật xin lỗi ông/bà về sự việc này. Ý kiến của ông/bà đã được ghi lại và chuyển tới lãnh đạo đơn vị để xem xét; đơn vị sẽ trả lời ông/bà qua Zalo này.",
  officerComplaintMore:
    "Nếu có thể, ông/bà nhắn thêm thời gian, nơi xảy ra hoặc mã hồ sơ để việc xem xét nhanh hơn. Thông tin của ông/bà được giữ kín.",
  complaintAskUnit: "Ông/bà cho biết sự việc xảy ra ở xã, phường nào để chúng tôi chuyển đúng đơn vị.",
  otherProcedureWhere: "Bộ phận Một cửa (Trung tâm Phục vụ hành chính công) của xã, phường",
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
  myCommuneDay: "Ngày không hẹn ở xã tôi",
  preEntryShort: "Khai trước hồ sơ",
  whatIs: "Ngày không hẹn là gì?",
  schemeProcedures: "Thủ tục trả trong ngày",
  fee: "Lệ phí",
  time: "Thời hạn giải quyết",
  checklist: "Giấy tờ cần mang",
} as const;

/** What a button sends back as the citizen's message (understand() reads it like typed text). */
export const BUTTON_QUERY = {
  human: "gặp cán bộ",
  myCommuneDay: "ngày không hẹn ở xã tôi là thứ mấy",
  whatIs: "Ngày không hẹn là gì",
  schemeProcedures: "thủ tục nào được trả trong ngày",
  fee: (procedureCode: string) => `lệ phí ${procedureCode}`,
  time: (procedureCode: string) => `thời hạn ${procedureCode}`,
  checklist: (procedureCode: string) => `giấy tờ cần mang ${procedureCode}`,
} as const;
