/** Small hand-made report and tracking book for the export tests (synthetic names and numbers). */
import type { ExportableReport } from "../../bot-server/src/reports/report-sheet.js";
import type { TrackingBook } from "../../shared/reports/exports.js";

export const MONTH_REPORT: ExportableReport = {
  title: "Báo cáo kết quả thực hiện Ngày không viết – Ngày không hẹn",
  unit: { name: "Xã Quảng Khê" },
  period: { label: "Tháng 10/2025 (01/10/2025 – 31/10/2025)" },
  figures: [
    {
      key: "received",
      label: "Số hồ sơ tiếp nhận",
      value: 1234,
      unit: "count",
      formula: "Số hồ sơ có thời điểm tiếp nhận trong kỳ",
    },
    {
      key: "sameDayRate",
      label: "Tỷ lệ giải quyết trong ngày",
      value: 92.5,
      unit: "percent",
      formula: "Số hồ sơ trả trong ngày / Số hồ sơ theo quy trình trong ngày × 100",
    },
    {
      key: "avgHours",
      label: "Thời gian giải quyết trung bình",
      value: 3.25,
      unit: "hours",
      formula: "Tổng giờ làm việc từ tiếp nhận đến có kết quả / Số hồ sơ đã có kết quả",
    },
    {
      key: "apologies",
      label: "Số văn bản xin lỗi (Mẫu 04)",
      value: null,
      unit: "count",
      formula: "Số hồ sơ có văn bản xin lỗi trong kỳ",
    },
  ],
};

export const BOOK: TrackingBook = {
  agencyTop: "Ủy ban nhân dân xã Quảng Khê",
  agency: "Bộ phận Một cửa",
  unitName: "Xã Quảng Khê",
  from: "2025-10-01",
  to: "2025-10-31",
  formCode: "Mẫu số 07",
  rows: [
    {
      stt: 1,
      code: "000.00.06.H98-251015-0001",
      procedureCode: "1.004873",
      procedureName: "Cấp Giấy xác nhận tình trạng hôn nhân",
      sets: 1,
      applicantName: "Nguyễn Văn Thử",
      addressAndPhone: "Thôn 1, xã Quảng Khê – 0912345678",
      decidingBody: "UBND xã Quảng Khê",
      receivedOn: "2025-10-15",
      dueOn: "2025-10-15",
      sentToDecidingOn: "2025-10-15",
      resultReceivedOn: "2025-10-15",
      returnedOn: "2025-10-15",
      signedBy: "",
      note: "",
    },
    {
      stt: 2,
      code: "000.00.06.H98-251016-0002",
      procedureCode: "1.001612",
      procedureName: "Đăng ký khai sinh",
      sets: 1,
      applicantName: 'Trần Thị "Mai", Hoa',
      addressAndPhone: "=cmd",
      decidingBody: "UBND xã Quảng Khê",
      receivedOn: "2025-10-16",
      dueOn: "2025-10-17",
      sentToDecidingOn: null,
      resultReceivedOn: null,
      returnedOn: null,
      signedBy: "",
      note: "Quá hạn, có văn bản xin lỗi",
    },
  ],
};
