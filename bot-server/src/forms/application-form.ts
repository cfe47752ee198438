/**
 * The filled application form (tờ khai / phiếu yêu cầu / giấy đề nghị) of a procedure version, as a PrintDocument.
 * Labels come from the version's form definition (the official wording as reproduced in procedures.md A.3, B.3,
 * C.3, D.3); the texts around them (title, commitments, signature blocks) are per form in FORM_FRAMES.
 * Unverified wording is listed in the report, never marked on the paper the citizen signs.
 */
import type { FormColumn, FormDefinition, FormField, ProcedureVersion } from "../../../shared/procedures/procedure-version.js";
import { text, vnDate, type Block, type PrintDocument, type Signature } from "./print-document.js";
import { maritalStatusBlocks } from "./marital-status-form.js";

export interface ApplicationContext {
  version: ProcedureVersion;
  formData: Record<string, unknown>;
  /** "Quảng Khê": where the form is made, for "…, ngày … tháng … năm …". */
  place: string;
  /** The date printed, YYYY-MM-DD. */
  date: string;
  /** Ngày không viết: the officer who typed the form for the applicant. */
  typedBy?: string;
  checkedByCitizen?: boolean;
}

interface FormFrame {
  formCodeLabel?: string;
  /** Replaces the generic walk through sections (1.004873 prints its own line layout). */
  blocks?: (ctx: ApplicationContext) => Block[];
  /** Printed after the named section's heading, before its fields. */
  sectionIntro?: Record<string, string>;
  /** Printed before the named section. */
  beforeSection?: Record<string, Block[]>;
  closing: Block[];
  placeDateLabel?: "Làm tại" | "place";
  signatures: (ctx: ApplicationContext) => Signature[];
  /** The place and date line sits under the national motto (HKD forms) instead of above the signatures. */
  dateOnTop?: boolean;
  footnotes?: string[];
  recipientMark?: string;
}

const HKD_COMMITMENT: Block[] = [
  { t: "text", text: "Tôi xin cam kết:", bold: true },
  { t: "text", text: "- Bản thân đồng ý chia sẻ thông tin cá nhân được lưu giữ tại Cơ sở dữ liệu quốc gia về dân cư cho Cơ quan đăng ký kinh doanh cấp xã, Cơ quan quản lý nhà nước về đăng ký kinh doanh để phục vụ công tác quản lý nhà nước về đăng ký hộ kinh doanh theo quy định;" },
  { t: "text", text: "- Bản thân không thuộc diện pháp luật cấm kinh doanh; không đồng thời là chủ hộ kinh doanh, thành viên hộ gia đình đăng ký hộ kinh doanh khác; không là chủ doanh nghiệp tư nhân;" },
  { t: "text", text: "- Trụ sở thuộc quyền sử dụng hợp pháp của hộ kinh doanh và được sử dụng đúng mục đích theo quy định của pháp luật (hộ kinh doanh chỉ cam kết trong trường hợp kinh doanh tại trụ sở);" },
  { t: "text", text: "- Hoàn toàn chịu trách nhiệm trước pháp luật về tính hợp pháp, chính xác và trung thực của nội dung đăng ký trên." },
];

const REGISTRY_BOX: Block[] = [
  { t: "space" },
  { t: "text", text: "PHẦN GHI CỦA CƠ QUAN ĐĂNG KÝ", bold: true, center: true },
  { t: "field", label: "Thời điểm nhận hồ sơ", value: "…… giờ …… phút, ngày …… tháng …… năm ……" },
  { t: "field", label: "Số thứ tự/quyển số" },
  { t: "field", label: "Cán bộ tiếp nhận (ký và ghi rõ họ tên)" },
];

const securitySignatures = (): Signature[] => [
  { title: "BÊN BẢO ĐẢM (HOẶC NGƯỜI ĐẠI DIỆN …)", note: "(Ký, ghi rõ họ tên, đóng dấu (nếu có))" },
  { title: "BÊN NHẬN BẢO ĐẢM (HOẶC NGƯỜI ĐẠI DIỆN …)", note: "(Ký, ghi rõ họ tên, đóng dấu (nếu có))" },
];

const FORM_FRAMES: Record<string, FormFrame> = {
  "01a": { formCodeLabel: "Mẫu số 01a", closing: REGISTRY_BOX, signatures: securitySignatures },
  "03a": { formCodeLabel: "Mẫu số 03a", closing: REGISTRY_BOX, signatures: securitySignatures },
  "Mẫu số 1 Phụ lục II": {
    dateOnTop: true,
    beforeSection: { name: [{ t: "text", text: "Đăng ký hộ kinh doanh do tôi là chủ hộ với các nội dung sau:", bold: true }] },
    closing: HKD_COMMITMENT,
    signatures: (ctx) => [{ title: "CHỦ HỘ KINH DOANH", note: "(Ký và ghi họ tên)", name: text(ctx.formData.ownerName) ?? undefined }],
  },
  // The 2023 form's commitment wording was not captured (procedures.md C.3): none is printed rather than a guess.
  "Phụ lục III-1": {
    dateOnTop: true,
    closing: [],
    signatures: (ctx) => [{ title: "CHỦ HỘ KINH DOANH", note: "(Ký và ghi họ tên)", name: text(ctx.formData.ownerName) ?? undefined }],
  },
  "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân": {
    blocks: maritalStatusBlocks,
    recipientMark: "(1)",
    closing: [{ t: "text", text: "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình." }],
    placeDateLabel: "Làm tại",
    signatures: (ctx) => [{ title: "Người yêu cầu", note: "(Ký, ghi rõ họ, chữ đệm, tên)", name: text(ctx.formData.requesterName) ?? undefined }],
    footnotes: [
      "(1) Tên cơ quan cấp Giấy xác nhận tình trạng hôn nhân.",
      "(2) Ghi theo nơi đăng ký thường trú; nếu không có nơi thường trú thì ghi theo nơi tạm trú; nếu không có thì ghi theo nơi đang sinh sống.",
      "(3) Ví dụ: Căn cước công dân số … do … cấp ngày …",
      "(4) Ghi tình trạng hôn nhân hiện tại, hoặc tình trạng hôn nhân trong thời gian cư trú trước đây.",
      "(5) Ghi rõ mục đích sử dụng; nếu để kết hôn thì ghi rõ kết hôn với ai, nơi dự định đăng ký kết hôn.",
    ],
  },
};

const GENERIC_FRAME: FormFrame = { closing: [], signatures: () => [{ title: "NGƯỜI YÊU CẦU", note: "(Ký và ghi rõ họ tên)" }] };

/** A value as printed: dates dd/mm/yyyy, money with thousands dots. */
export function printValue(field: FormColumn, value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (field.type === "date") return vnDate(value);
  if (field.type === "money" && (typeof value === "number" || /^\d+$/.test(String(value)))) {
    return `${Number(value).toLocaleString("vi-VN").replace(/,/g, ".")} đồng`;
  }
  if (Array.isArray(value)) return value.map(String).join("; ");
  return text(value);
}

function fieldBlocks(field: FormField, value: unknown): Block[] {
  switch (field.type) {
    case "choice":
    case "multiChoice": {
      const chosen = Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];
      return [{ t: "checks", label: field.label, items: (field.options ?? []).map((o) => ({ text: o, checked: chosen.includes(o) })) }];
    }
    case "checkbox":
      return [{ t: "checks", items: [{ text: field.label, checked: value === true }] }];
    case "table": {
      const cols = field.itemFields ?? [];
      const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      return [
        { t: "text", text: `${field.label}:` },
        {
          t: "table",
          header: ["STT", ...cols.map((c) => c.label)],
          widths: [0.5, ...cols.map((c) => (c.type === "checkbox" || c.type === "date" ? 1 : 2))],
          rows: (rows.length > 0 ? rows : [{}]).map((r, i) => [
            rows.length > 0 ? String(i + 1) : "",
            ...cols.map((c) => (c.type === "checkbox" ? (r[c.id] === true ? "X" : "") : printValue(c, r[c.id]) ?? "")),
          ]),
        },
      ];
    }
    case "repeat": {
      const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [{}];
      return items.flatMap((item, i) => [
        ...(items.length > 1 ? [{ t: "text" as const, text: `${field.label} ${i + 1}:`, italic: true }] : []),
        ...(field.itemFields ?? []).map((c): Block =>
          c.type === "choice" ? { t: "checks", label: c.label, items: (c.options ?? []).map((o) => ({ text: o, checked: item[c.id] === o })) } : { t: "field", label: c.label, value: printValue(c, item[c.id]) },
        ),
      ]);
    }
    default:
      return [{ t: "field", label: field.label, value: printValue(field, value) }];
  }
}

/** Every section in order: heading, optional intro, its fields. The header section's "Kính gửi" becomes the recipient. */
function genericBlocks(form: FormDefinition, frame: FormFrame, data: Record<string, unknown>): Block[] {
  const blocks: Block[] = [];
  for (const section of form.sections) {
    const fields = form.fields.filter((f) => f.section === section.id && !(section.id === "header" && /^recipient/.test(f.id)));
    if (section.id === "header" && fields.length === 0) continue;
    blocks.push(...(frame.beforeSection?.[section.id] ?? []));
    const simple = fields.length === 1 && !["table", "repeat", "choice", "multiChoice", "checkbox"].includes(fields[0]!.type);
    const single = simple && fields[0]!.label === section.label.replace(/^\d+\.\s*/, "");
    if (!single) blocks.push({ t: "heading", text: section.label });
    if (frame.sectionIntro?.[section.id]) blocks.push({ t: "text", text: frame.sectionIntro[section.id]!, italic: true });
    for (const f of fields) {
      const b = fieldBlocks(f, data[f.id]);
      if (single && b[0]?.t === "field") b[0] = { ...b[0], label: section.label };
      blocks.push(...b);
    }
  }
  return blocks;
}

function recipientOf(form: FormDefinition, data: Record<string, unknown>): string | null {
  const field = form.fields.find((f) => f.section === "header" && /^recipient/.test(f.id));
  return field ? text(data[field.id]) : null;
}

const DATE_DOTS = "……, ngày …… tháng …… năm ……";

export function applicationDocument(ctx: ApplicationContext): PrintDocument {
  const form = ctx.version.form;
  const frame = FORM_FRAMES[form.formCode] ?? GENERIC_FRAME;
  const [y, m, d] = ctx.date.split("-");
  const dated = `${ctx.place || "……"}, ngày ${d} tháng ${m} năm ${y}`;
  const body = frame.blocks ? frame.blocks(ctx) : genericBlocks(form, frame, ctx.formData);
  const assisted = ctx.typedBy
    ? `Ngày không viết: nội dung do công chức ${ctx.typedBy} nhập theo lời khai của người yêu cầu${ctx.checkedByCitizen ? "; người yêu cầu đã kiểm tra trên màn hình đối chiếu" : ""}.`
    : undefined;
  return {
    header: { kind: "citizen", ...(frame.formCodeLabel ? { formCode: frame.formCodeLabel } : {}), ...(frame.dateOnTop ? { place: dated } : {}) },
    title: form.title.toUpperCase(),
    recipient: recipientOf(form, ctx.formData) ?? "……………………",
    ...(frame.recipientMark ? { recipientMark: frame.recipientMark } : {}),
    blocks: [...body, ...frame.closing],
    ...(frame.dateOnTop ? {} : { placeDate: frame.placeDateLabel === "Làm tại" ? `Làm tại: ${dated}` : dated || DATE_DOTS }),
    signatures: frame.signatures(ctx),
    ...(frame.footnotes ? { footnotes: frame.footnotes } : {}),
    ...(assisted ? { footer: assisted } : {}),
  };
}
