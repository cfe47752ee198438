/**
 * The notice a citizen accepts before sending personal data (Law 91/2025/QH15 on personal data protection,
 * Decree 356/2025/NĐ-CP): what, why, who, how long, their rights. A new text gets a new version; the
 * pre-registration records the version that was accepted.
 */
import { z } from "zod";

export const ConsentNotice = z.object({
  version: z.string(),
  title: z.string(),
  text: z.array(z.string()).describe("Paragraphs, Vietnamese"),
});
export type ConsentNotice = z.infer<typeof ConsentNotice>;

export const ConsentInput = z.object({
  accepted: z.literal(true, { message: "Cần tích chọn đồng ý" }),
  version: z.string().min(1).max(40),
});
export type ConsentInput = z.infer<typeof ConsentInput>;

export const CONSENT_NOTICE: ConsentNotice = {
  version: "2025-07-01",
  title: "Thông báo xử lý dữ liệu cá nhân",
  text: [
    "Thông tin bạn khai trước (họ tên, ngày sinh, số định danh cá nhân, nơi cư trú và các nội dung của tờ khai) chỉ được dùng để cán bộ Bộ phận Một cửa điền sẵn hồ sơ thủ tục hành chính bạn đã chọn khi bạn đến nộp.",
    "Cơ quan xử lý là Ủy ban nhân dân (Trung tâm Phục vụ hành chính công) của đơn vị bạn chọn. Dữ liệu không được chia sẻ cho bên khác ngoài cơ quan có thẩm quyền giải quyết thủ tục.",
    "Bản nháp chưa gửi được tự động xóa sau thời hạn lưu nháp; hồ sơ đã tiếp nhận được lưu trữ theo quy định về lưu trữ hồ sơ thủ tục hành chính.",
    "Bạn có quyền xem, sửa, hủy bản khai của mình trong ứng dụng, và yêu cầu cơ quan cung cấp, chỉnh sửa hoặc hạn chế xử lý dữ liệu theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.",
    "Mọi lần cán bộ xem hoặc thay đổi thông tin cá nhân của bạn đều được ghi nhật ký.",
  ],
};
