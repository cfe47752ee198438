/**
 * The one-stop forms a counter prints (Circular 01/2018/TT-VPCP field lists, docs/domain/scheme.md#one-stop-forms, as the baseline
 * of Circular 03/2025/TT-VPCP Phụ lục I whose field lists were not available):
 * Mẫu 01 receipt and appointment slip, Mẫu 02 request to supplement, Mẫu 03 refusal, Mẫu 04 apology and new date,
 * Mẫu 05 (2025) notice that handling stopped, the control slip and the register entry.
 */
import type { AdminUnit } from "../../../shared/model.js";
import type { ProcedureVersion } from "../../../shared/procedures/procedure-version.js";
import { documentKindLabels, type DocumentKind } from "../../../shared/procedures/procedure-version.js";
import { displayName } from "../../../shared/units/unit-names.js";
import { whereToSubmit } from "../../../shared/procedures/where-to-submit.js";
import { formatDateVn } from "../../../shared/time/vn-time.js";
import type { ApplicantSummary } from "../../../shared/dossier/applicant-fields.js";
import type { MissingDocument, SubmittedDocument } from "../store/dossiers.js";
import { localDateOf, longDate, placeAndDate, timeAndDate, type Block, type PrintDocument } from "./print-document.js";

export interface SlipContext {
  code: string;
  version: ProcedureVersion;
  unit: AdminUnit | undefined;
  applicant: ApplicantSummary;
  officerName: string;
  /** When the slip is printed (ISO instant): its place-and-date line. */
  printedAt: string;
  receivedAt: string;
}

/** "Trung tâm Phục vụ hành chính công cấp xã (…)" → "Trung tâm Phục vụ hành chính công". */
export function receivingOffice(version: ProcedureVersion): string {
  return version.receivingBody.name
    .replace(/\s*\(.*$/, "")
    .replace(/\s+(UBND\s+)?cấp (xã|huyện|tỉnh).*$/i, "")
    .trim();
}

function officeName(ctx: SlipContext): string {
  return `${receivingOffice(ctx.version)}${ctx.unit ? ` ${displayName(ctx.unit)}` : ""}`;
}

function header(ctx: SlipContext, formCode: string, numberSuffix: string): PrintDocument["header"] {
  return {
    kind: "office",
    formCode,
    agencyTop: ctx.unit ? `Ủy ban nhân dân ${displayName(ctx.unit)}` : "",
    agency: receivingOffice(ctx.version),
    number: `Số: ……${numberSuffix}`,
    place: placeAndDate(ctx.unit?.name ?? "……", localDateOf(ctx.printedAt)),
  };
}

function contactLines(a: ApplicantSummary): Block[] {
  const phone = { label: "Số điện thoại", value: a.phone };
  const email = { label: "Email", value: a.email };
  // A long e-mail address has no place to break: it gets a line of its own rather than running off the page.
  const side = (a.email ?? "").length <= 24;
  return [
    { t: "field", label: "Địa chỉ", value: a.address },
    ...(side
      ? [{ t: "fields" as const, items: [phone, email] }]
      : [
          { t: "field" as const, ...phone },
          { t: "field" as const, ...email },
        ]),
  ];
}

const kindLabel = (kind: string) =>
  Object.hasOwn(documentKindLabels, kind) ? documentKindLabels[kind as DocumentKind] : kind;

export interface ReceiptContext extends SlipContext {
  documents: SubmittedDocument[];
  dueDate: string;
  track: "same-day" | "normal";
  fee: string;
  qr?: { svg: string; url: string };
  /** Ngày không viết: who typed the application form (printed at the foot of the receipt, not on the form). */
  assistedNote?: string;
}

/** Circular 03/2025/TT-VPCP applies to dossiers received from 01/07/2025 (the two-level one-stops). */
const ONE_STOP_2025 = "2025-07-01";

/** "Đăng ký thế chấp … (Văn phòng đăng ký đất đai … giải quyết)" when another office decides. */
function requestText(ctx: SlipContext): string {
  const where = whereToSubmit(ctx.version, ctx.unit);
  return where.sameBody ? ctx.version.name : `${ctx.version.name} (nơi giải quyết: ${where.decidingOffice})`;
}

/**
 * Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. From 01/07/2025 (Circular 03/2025/TT-VPCP, as reviewed against
 * the issue's reading of its Phụ lục; text not read here) the item "Thời gian giải quyết hồ sơ theo quy định" is gone
 * and "Phí, lệ phí (nếu có)" is numbered 6.
 */
export function receiptSlip(ctx: ReceiptContext): PrintDocument {
  const n = ctx.version.timeLimit.timeLimitWorkingDays;
  const limit = n === 0 ? "trong ngày làm việc" : `${String(n).padStart(2, "0")} ngày làm việc`;
  const received = ctx.documents.filter((d) => d.received);
  const layout2025 = localDateOf(ctx.receivedAt) >= ONE_STOP_2025;
  const items: Block[] = layout2025
    ? [
        { t: "field", label: "2. Số lượng hồ sơ", value: "01 (bộ)" },
        { t: "field", label: "3. Thời gian nhận hồ sơ", value: timeAndDate(ctx.receivedAt) },
        {
          t: "field",
          label: "4. Thời gian trả kết quả giải quyết hồ sơ",
          value: `…… giờ …… phút, ngày ${formatDateVn(ctx.dueDate)}`,
        },
        { t: "field", label: "5. Đăng ký nhận kết quả tại", value: officeName(ctx) },
        { t: "field", label: "6. Phí, lệ phí (nếu có)", value: ctx.fee },
      ]
    : [
        { t: "field", label: "2. Số lượng hồ sơ", value: "01 (bộ)" },
        { t: "field", label: "3. Thời gian giải quyết hồ sơ theo quy định là", value: limit },
        { t: "field", label: "4. Thời gian nhận hồ sơ", value: timeAndDate(ctx.receivedAt) },
        {
          t: "field",
          label: "5. Thời gian trả kết quả giải quyết hồ sơ",
          value: `…… giờ …… phút, ngày ${formatDateVn(ctx.dueDate)}`,
        },
        { t: "field", label: "6. Đăng ký nhận kết quả tại", value: officeName(ctx) },
        { t: "field", label: "Phí, lệ phí (nếu có)", value: ctx.fee },
      ];
  return {
    header: header(ctx, "Mẫu số 01", "/TNHS"),
    title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    blocks: [
      { t: "field", label: "Mã hồ sơ", value: ctx.code },
      { t: "field", label: `${officeName(ctx)} tiếp nhận hồ sơ của`, value: ctx.applicant.name },
      ...contactLines(ctx.applicant),
      { t: "field", label: "Nội dung yêu cầu giải quyết", value: requestText(ctx) },
      { t: "text", text: "1. Thành phần hồ sơ nộp gồm:" },
      {
        t: "table",
        header: ["STT", "Tên giấy tờ", "Loại giấy tờ (bản chính/bản sao)", "Số lượng"],
        widths: [0.6, 5, 2.4, 1.1],
        rows: received.map((d, i) => [String(i + 1), d.name, kindLabel(d.kind), String(d.count).padStart(2, "0")]),
      },
      ...items,
      {
        t: "fields",
        items: [
          { label: "Vào Sổ theo dõi hồ sơ, Quyển số", value: null },
          { label: "Số thứ tự", value: null },
        ],
      },
    ],
    ...(ctx.qr
      ? { qr: { svg: ctx.qr.svg, caption: `Quét mã để tra cứu tình trạng hồ sơ, không cần đăng nhập: ${ctx.qr.url}` } }
      : {}),
    signatures: [
      { title: "NGƯỜI NỘP HỒ SƠ", note: "(Ký và ghi rõ họ tên)", name: ctx.applicant.name ?? undefined },
      { title: "NGƯỜI TIẾP NHẬN HỒ SƠ", note: "(Ký và ghi rõ họ tên)", name: ctx.officerName },
    ],
    ...(ctx.assistedNote ? { footer: ctx.assistedNote } : {}),
  };
}

export interface SupplementContext extends SlipContext {
  missing: MissingDocument[];
  reason: string;
  lookupUrl: string;
  officerPhone: string | null;
}

/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, listing everything missing at once (docs/domain/scheme.md#intake-outcomes-and-dossier-rules rule 1). */
export function supplementSlip(ctx: SupplementContext): PrintDocument {
  const count = (n: number) => (n > 0 ? String(n).padStart(2, "0") : "");
  return {
    header: header(ctx, "Mẫu số 02", "/HDHS"),
    title: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    blocks: [
      { t: "field", label: `${officeName(ctx)} tiếp nhận hồ sơ/yêu cầu của Ông/Bà`, value: ctx.applicant.name },
      { t: "field", label: "Nội dung yêu cầu giải quyết", value: ctx.version.name },
      ...contactLines(ctx.applicant),
      { t: "text", text: "Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:" },
      {
        t: "table",
        header: ["TT", "Thành phần hồ sơ", "Số lượng: Bản chính", "Bản chứng thực/sao", "Bản photo"],
        widths: [0.5, 4.6, 1.5, 1.6, 1.2],
        rows: ctx.missing.map((m, i) => [
          String(i + 1),
          m.note ? `${m.name} (${m.note})` : m.name,
          count(m.original),
          count(m.certifiedCopy),
          count(m.photocopy),
        ]),
      },
      { t: "field", label: "Lý do", value: ctx.reason },
      {
        t: "text",
        text: `Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà có thể tra cứu thông tin tại Website ${ctx.lookupUrl} hoặc liên hệ với công chức ${ctx.officerName} số điện thoại ${ctx.officerPhone ?? "……………"} để được hướng dẫn./.`,
      },
    ],
    signatures: [{ title: "NGƯỜI HƯỚNG DẪN", note: "(Ký và ghi rõ họ tên)", name: ctx.officerName }],
  };
}

export interface RefusalContext extends SlipContext {
  reasons: string[];
}

/** Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ, with the reasons. */
export function refusalSlip(ctx: RefusalContext): PrintDocument {
  return {
    header: header(ctx, "Mẫu số 03", ""),
    title: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    blocks: [
      { t: "field", label: `${officeName(ctx)} tiếp nhận hồ sơ của`, value: ctx.applicant.name },
      { t: "field", label: "Nội dung yêu cầu giải quyết", value: ctx.version.name },
      {
        t: "text",
        text: "Qua nghiên cứu, đối chiếu với quy định hiện hành, hồ sơ của Ông/Bà không đủ điều kiện giải quyết/không thuộc thẩm quyền giải quyết với lý do cụ thể như sau:",
      },
      ...ctx.reasons.map((r): Block => ({ t: "text", text: `- ${r}` })),
      { t: "text", text: "Xin thông báo để Ông/Bà được biết và thực hiện./." },
    ],
    signatures: [{ title: "NGƯỜI TIẾP NHẬN HỒ SƠ", note: "(Ký và ghi rõ họ tên)", name: ctx.officerName }],
  };
}

export interface ApologyContext extends SlipContext {
  originalDueDate: string;
  newDueDate: string;
  reason: string;
  /** The head of the deciding body who signs (a name, or blank for a hand-written signature). */
  signerName: string;
}

/** The deciding body's header lines: its People's Committee, or the land office under its department. */
function decidingHeader(ctx: SlipContext): { agencyTop: string; agency: string } {
  const where = whereToSubmit(ctx.version, ctx.unit);
  if (where.sameBody)
    return { agencyTop: "", agency: ctx.unit ? `Ủy ban nhân dân ${displayName(ctx.unit)}` : "Ủy ban nhân dân" };
  const parent = /thuộc (Sở [^)]+)/.exec(ctx.version.competentBody.name)?.[1] ?? "";
  return { agencyTop: parent, agency: where.decidingOffice.split(" hoặc ")[0]! };
}

/**
 * Mẫu 04. Before 1/7/2025 "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (TT 01/2018); from then the 2025 title
 * "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết" with the 2018 content as baseline.
 */
export function apologySlip(ctx: ApologyContext): PrintDocument {
  const receivedOn = localDateOf(ctx.receivedAt);
  const title =
    receivedOn >= "2025-07-01"
      ? "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"
      : "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ";
  const office = officeName(ctx);
  const signs = ctx.version.competentBody.signs;
  const issuer = decidingHeader(ctx).agency;
  return {
    // Issued in the name of the body that decides, signed by its head (not the one-stop's header).
    header: { ...header(ctx, "Mẫu số 04", "/PXL"), ...decidingHeader(ctx) },
    title,
    recipient: `Ông/Bà ${ctx.applicant.name ?? "……"}`,
    blocks: [
      ...contactLines(ctx.applicant),
      {
        t: "text",
        text: `Ngày ${formatDateVn(receivedOn)}, ${office} tiếp nhận giải quyết hồ sơ ${ctx.version.name} của Ông/Bà.`,
      },
      { t: "field", label: "Mã hồ sơ", value: ctx.code },
      {
        t: "field",
        label: "Thời gian hẹn trả kết quả giải quyết hồ sơ",
        value: `ngày ${formatDateVn(ctx.originalDueDate)}`,
      },
      {
        t: "text",
        text: `Tuy nhiên đến nay, ${issuer} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.`,
      },
      { t: "field", label: "Lý do", value: ctx.reason },
      {
        t: "text",
        text: `Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, thời gian của Ông/Bà. ${issuer} xin lỗi Ông/Bà và mong nhận được sự thông cảm của Ông/Bà.`,
      },
      { t: "text", text: `Thời gian hẹn trả kết quả lại: ${longDate(ctx.newDueDate)}.`, bold: true },
      { t: "text", text: "Trân trọng./." },
    ],
    signatures: [
      // The one-stop as the unit calls it ("Trung tâm Phục vụ hành chính công xã …" from 01/07/2025).
      { title: "Nơi nhận:", lines: ["- Như trên;", `- ${office};`, "- Lưu: VT."] },
      {
        ...(signs.onBehalf ? { onBehalf: signs.onBehalf } : {}),
        title: signs.title,
        note: "(Ký, ghi rõ họ tên và đóng dấu)",
        name: ctx.signerName,
      },
    ],
  };
}

export interface StopContext extends SlipContext {
  /** When the dossier was stopped at the applicant's request (ISO instant). */
  stoppedAt: string;
  /** The applicant's reason as the officer recorded it. */
  reason: string;
}

/**
 * Mẫu 05 of Circular 03/2025/TT-VPCP, Phụ lục I: Thông báo dừng giải quyết hồ sơ (new in 2025; a dossier stopped at
 * the applicant's request under Decree 118/2025/NĐ-CP). Only the form's name is known from public copies, not its
 * printed text: the wording follows the 2018 one-stop slips (Mẫu 03's closing, Mẫu 04's account of the dossier) and
 * is marked "cần kiểm tra" in shared/data/one-stop-forms.ts for the province administrator.
 */
export function stopNotice(ctx: StopContext): PrintDocument {
  const office = officeName(ctx);
  return {
    header: {
      ...header(ctx, "Mẫu số 05", "/TB"),
      place: placeAndDate(ctx.unit?.name ?? "……", localDateOf(ctx.stoppedAt)),
    },
    title: "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
    recipient: `Ông/Bà ${ctx.applicant.name ?? "……"}`,
    blocks: [
      ...contactLines(ctx.applicant),
      {
        t: "text",
        text: `Ngày ${formatDateVn(localDateOf(ctx.receivedAt))}, ${office} tiếp nhận hồ sơ ${requestText(ctx)} của Ông/Bà.`,
      },
      { t: "field", label: "Mã hồ sơ", value: ctx.code },
      {
        t: "text",
        text: `Ngày ${formatDateVn(localDateOf(ctx.stoppedAt))}, Ông/Bà đề nghị dừng giải quyết hồ sơ nêu trên.`,
      },
      { t: "field", label: "Lý do", value: ctx.reason },
      {
        t: "text",
        text: `${office} thông báo dừng giải quyết hồ sơ của Ông/Bà kể từ ${longDate(localDateOf(ctx.stoppedAt))}.`,
      },
      { t: "text", text: "Xin thông báo để Ông/Bà được biết./." },
    ],
    signatures: [{ title: "NGƯỜI TIẾP NHẬN HỒ SƠ", note: "(Ký và ghi rõ họ tên)", name: ctx.officerName }],
  };
}

export interface ControlContext extends SlipContext {
  dueDate: string;
  /** Hand-overs in order: who passed the dossier on, when, and the step's outcome words. */
  steps: { from: string; to: string; at: string; note: string }[];
}

/** "Trước hạn" / "Đúng hạn" / "Quá hạn" of a step done on `date` against the due date. */
export function timeliness(date: string, dueDate: string): string {
  return date < dueDate ? "Trước hạn" : date === dueDate ? "Đúng hạn" : "Quá hạn";
}

/**
 * Phiếu kiểm soát quá trình giải quyết hồ sơ: Mẫu số 05 of Circular 01/2018/TT-VPCP, Mẫu số 06 of Circular
 * 03/2025/TT-VPCP (names only, docs/domain/scheme.md#one-stop-forms; the 2018 columns are the baseline [S/U]).
 */
export function controlSlip(ctx: ControlContext): PrintDocument {
  const layout2025 = localDateOf(ctx.receivedAt) >= ONE_STOP_2025;
  const where = whereToSubmit(ctx.version, ctx.unit);
  return {
    header: header(ctx, layout2025 ? "Mẫu số 06" : "Mẫu số 05", ""),
    title: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
    blocks: [
      { t: "field", label: "Mã hồ sơ", value: ctx.code },
      { t: "field", label: "Kèm theo hồ sơ của", value: ctx.applicant.name },
      { t: "field", label: "Số điện thoại", value: ctx.applicant.phone },
      { t: "field", label: "Cơ quan (bộ phận) giải quyết hồ sơ", value: where.decidingOffice },
      { t: "field", label: "Cơ quan phối hợp giải quyết hồ sơ", value: null },
      {
        t: "table",
        header: [
          "TÊN CƠ QUAN",
          "THỜI GIAN GIAO, NHẬN HỒ SƠ",
          "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)",
          "GHI CHÚ",
        ],
        widths: [3.2, 2.4, 2, 1.8],
        rows: ctx.steps.map((s, i) => [
          `${i + 1}. Giao: ${s.from}; Nhận: ${s.to}`,
          timeAndDate(s.at),
          timeliness(localDateOf(s.at), ctx.dueDate),
          s.note,
        ]),
      },
    ],
  };
}

export interface RegisterContext extends SlipContext {
  dueDate: string;
  /** Dates of the steps the register records, YYYY-MM-DD (null when not reached yet). */
  sentToDeciding: string | null;
  resultReceived: string | null;
  returned: string | null;
}

/**
 * Sổ theo dõi hồ sơ: Mẫu số 06 of Circular 01/2018/TT-VPCP, Mẫu số 07 of Circular 03/2025/TT-VPCP. The book is kept
 * per unit; this prints one dossier's entry, its columns as lines (docs/domain/scheme.md#one-stop-forms column list [U]).
 */
export function registerEntry(ctx: RegisterContext): PrintDocument {
  const layout2025 = localDateOf(ctx.receivedAt) >= ONE_STOP_2025;
  const day = (d: string | null) => (d ? formatDateVn(d) : null);
  return {
    header: header(ctx, layout2025 ? "Mẫu số 07" : "Mẫu số 06", ""),
    title: "SỔ THEO DÕI HỒ SƠ",
    subtitle: "(Trích một dòng của sổ)",
    blocks: [
      { t: "field", label: "Mã hồ sơ", value: ctx.code },
      { t: "field", label: "Tên thủ tục hành chính", value: ctx.version.name },
      { t: "field", label: "Số lượng hồ sơ (bộ)", value: "01" },
      { t: "field", label: "Tên cá nhân, tổ chức", value: ctx.applicant.name },
      {
        t: "field",
        label: "Địa chỉ, số điện thoại",
        value: [ctx.applicant.address, ctx.applicant.phone].filter(Boolean).join(" – ") || null,
      },
      { t: "field", label: "Cơ quan chủ trì giải quyết", value: whereToSubmit(ctx.version, ctx.unit).decidingOffice },
      { t: "heading", text: "Ngày, tháng, năm" },
      { t: "field", label: "Nhận hồ sơ", value: day(localDateOf(ctx.receivedAt)) },
      { t: "field", label: "Hẹn trả kết quả", value: day(ctx.dueDate) },
      { t: "field", label: "Chuyển hồ sơ đến cơ quan giải quyết", value: day(ctx.sentToDeciding) },
      { t: "field", label: "Nhận kết quả từ cơ quan giải quyết", value: day(ctx.resultReceived) },
      { t: "field", label: "Trả kết quả cho cá nhân, tổ chức", value: day(ctx.returned) },
      { t: "field", label: "Ký nhận", value: null },
      { t: "field", label: "Ghi chú", value: null },
    ],
  };
}
