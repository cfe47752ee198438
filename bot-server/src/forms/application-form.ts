/**
 * The filled application form (tờ khai / phiếu yêu cầu / giấy đề nghị) of a procedure version, as a PrintDocument.
 * Labels come from the version's form definition (the official wording as reproduced in docs/domain/procedures.md#security-interest-registration-1011441, #deletion-of-a-security-interest-registration-1011443,
 * C.3, D.3); the texts around them (title, commitments, signature blocks) are per form in FORM_FRAMES.
 * Unverified wording is listed in the report, never marked on the paper the citizen signs.
 */
import type {
  FormColumn,
  FormDefinition,
  FormField,
  ProcedureVersion,
} from "../../../shared/procedures/procedure-version.js";
import { text, vnDate, type Block, type PrintDocument, type Signature } from "./print-document.js";
import { maritalStatusBlocks } from "./marital-status-form.js";

export interface ApplicationContext {
  version: ProcedureVersion;
  formData: Record<string, unknown>;
  /** "Quảng Khê": where the form is made, for "…, ngày … tháng … năm …". */
  place: string;
  /** The date printed, YYYY-MM-DD. */
  date: string;
  /**
   * Ngày không viết: the officer who typed the form. Not printed on the form the citizen signs (no text is added
   * to an official template): it goes on the receipt (Mẫu 01) and stays in the dossier's record.
   */
  typedBy?: string;
  checkedByCitizen?: boolean;
}

/** The "Ngày không viết" sentence for the receipt and the dossier record. */
export function assistedWritingNote(typedBy: string | undefined, checkedByCitizen?: boolean): string | undefined {
  return typedBy
    ? `Ngày không viết: nội dung tờ khai do công chức ${typedBy} nhập theo lời khai của người yêu cầu${checkedByCitizen ? "; người yêu cầu đã kiểm tra trên màn hình đối chiếu" : ""}.`
    : undefined;
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
  /** Printed right under the title (the registering office's box of Mẫu 01a, 03a). */
  top?: Block[];
  /** Printed after the signatures (the registering office's certification). */
  after?: Block[];
}

const HKD_COMMITMENT: Block[] = [
  { t: "text", text: "Tôi xin cam kết:", bold: true },
  {
    t: "text",
    text: "- Bản thân đồng ý chia sẻ thông tin cá nhân được lưu giữ tại Cơ sở dữ liệu quốc gia về dân cư cho Cơ quan đăng ký kinh doanh cấp xã, Cơ quan quản lý nhà nước về đăng ký kinh doanh để phục vụ công tác quản lý nhà nước về đăng ký hộ kinh doanh theo quy định;",
  },
  {
    t: "text",
    text: "- Bản thân không thuộc diện pháp luật cấm kinh doanh; không đồng thời là chủ hộ kinh doanh, thành viên hộ gia đình đăng ký hộ kinh doanh khác; không là chủ doanh nghiệp tư nhân;",
  },
  {
    t: "text",
    text: "- Trụ sở thuộc quyền sử dụng hợp pháp của hộ kinh doanh và được sử dụng đúng mục đích theo quy định của pháp luật (hộ kinh doanh chỉ cam kết trong trường hợp kinh doanh tại trụ sở);",
  },
  {
    t: "text",
    text: "- Hoàn toàn chịu trách nhiệm trước pháp luật về tính hợp pháp, chính xác và trung thực của nội dung đăng ký trên.",
  },
];

/** The registering office's box, under the title of Mẫu 01a and 03a (wording of the box [U], docs/domain/procedures.md#security-interest-registration-1011441). */
const REGISTRY_BOX: Block[] = [
  {
    t: "frame",
    blocks: [
      { t: "text", text: "PHẦN GHI CỦA CƠ QUAN ĐĂNG KÝ", bold: true, center: true },
      { t: "field", label: "Thời điểm nhận hồ sơ", value: "…… giờ …… phút, ngày …… tháng …… năm ……" },
      { t: "field", label: "Số thứ tự/quyển số" },
      { t: "field", label: "Cán bộ tiếp nhận (ký và ghi rõ họ tên)" },
    ],
  },
];

/**
 * The registering office certifies on the request form the registered content and the time of registration
 * (Decree 99/2022 Art. 35(1)); the exact printed wording of this part is not verified [U].
 */
const CERTIFICATION: Block[] = [
  { t: "space" },
  {
    t: "frame",
    blocks: [
      { t: "text", text: "CHỨNG NHẬN CỦA CƠ QUAN ĐĂNG KÝ", bold: true, center: true },
      {
        t: "text",
        text: "Cơ quan đăng ký chứng nhận nội dung đăng ký tại Phiếu này đã được ghi vào Cơ sở dữ liệu về đăng ký biện pháp bảo đảm.",
      },
      { t: "field", label: "Thời điểm đăng ký", value: "…… giờ …… phút, ngày …… tháng …… năm ……" },
      { t: "text", text: "THỦ TRƯỞNG CƠ QUAN ĐĂNG KÝ", bold: true, center: true },
      { t: "text", text: "(Ký, ghi rõ họ tên, chức vụ và đóng dấu)", italic: true, center: true },
      { t: "space" },
      { t: "space" },
      { t: "space" },
    ],
  },
];

const securitySignatures = (): Signature[] => [
  { title: "BÊN BẢO ĐẢM (HOẶC NGƯỜI ĐẠI DIỆN …)", note: "(Ký, ghi rõ họ tên, đóng dấu (nếu có))" },
  { title: "BÊN NHẬN BẢO ĐẢM (HOẶC NGƯỜI ĐẠI DIỆN …)", note: "(Ký, ghi rõ họ tên, đóng dấu (nếu có))" },
];

const FORM_FRAMES: Record<string, FormFrame> = {
  "01a": {
    formCodeLabel: "Mẫu số 01a",
    top: REGISTRY_BOX,
    closing: [],
    signatures: securitySignatures,
    after: CERTIFICATION,
  },
  "03a": {
    formCodeLabel: "Mẫu số 03a",
    top: REGISTRY_BOX,
    closing: [],
    signatures: securitySignatures,
    after: CERTIFICATION,
  },
  "Mẫu số 1 Phụ lục II": {
    dateOnTop: true,
    beforeSection: {
      name: [{ t: "text", text: "Đăng ký hộ kinh doanh do tôi là chủ hộ với các nội dung sau:", bold: true }],
    },
    closing: HKD_COMMITMENT,
    signatures: (ctx) => [
      { title: "CHỦ HỘ KINH DOANH", note: "(Ký và ghi họ tên)", name: text(ctx.formData.ownerName) ?? undefined },
    ],
  },
  // The 2023 form's commitment wording was not captured (docs/domain/procedures.md#household-business-registration-1001612): none is printed rather than a guess.
  "Phụ lục III-1": {
    dateOnTop: true,
    closing: [],
    signatures: (ctx) => [
      { title: "CHỦ HỘ KINH DOANH", note: "(Ký và ghi họ tên)", name: text(ctx.formData.ownerName) ?? undefined },
    ],
  },
  "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân": {
    blocks: maritalStatusBlocks,
    recipientMark: "(1)",
    closing: [
      {
        t: "text",
        text: "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.",
      },
    ],
    placeDateLabel: "Làm tại",
    signatures: (ctx) => [
      {
        title: "Người yêu cầu",
        note: "(Ký, ghi rõ họ, chữ đệm, tên)",
        name: text(ctx.formData.requesterName) ?? undefined,
      },
    ],
    footnotes: [
      "(1) Tên cơ quan cấp Giấy xác nhận tình trạng hôn nhân.",
      "(2) Ghi theo nơi đăng ký thường trú; nếu không có nơi thường trú thì ghi theo nơi tạm trú; nếu không có thì ghi theo nơi đang sinh sống.",
      "(3) Ví dụ: Căn cước công dân số … do … cấp ngày …",
      "(4) Ghi tình trạng hôn nhân hiện tại, hoặc tình trạng hôn nhân trong thời gian cư trú trước đây.",
      "(5) Ghi rõ mục đích sử dụng; nếu để kết hôn thì ghi rõ kết hôn với ai, nơi dự định đăng ký kết hôn.",
    ],
  },
};

const GENERIC_FRAME: FormFrame = {
  closing: [],
  signatures: () => [{ title: "NGƯỜI YÊU CẦU", note: "(Ký và ghi rõ họ tên)" }],
};

/** Relative column widths: a date or a 12-digit number never breaks, so its column holds it whole. */
function columnWidth(c: FormColumn): number {
  switch (c.type) {
    case "checkbox":
      return 1;
    case "choice":
      return 1.2;
    case "date":
      return 1.8;
    case "idNumber":
    case "taxCode":
    case "phone":
      return 2.4;
    default:
      return 2;
  }
}

/** Data columns a printed table may have; wider ones print row by row. */
const WIDEST_TABLE = 8;

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
      const chosen = Array.isArray(value)
        ? value.map(String)
        : value === undefined || value === null
          ? []
          : [String(value)];
      return [
        {
          t: "checks",
          label: field.label,
          items: (field.options ?? []).map((o) => ({ text: o, checked: chosen.includes(o) })),
        },
      ];
    }
    case "checkbox":
      return [{ t: "checks", items: [{ text: field.label, checked: value === true }] }];
    case "table": {
      const cols = field.itemFields ?? [];
      const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      const cell = (c: FormColumn, r: Record<string, unknown>) =>
        c.type === "checkbox" ? (r[c.id] === true ? "X" : "") : (printValue(c, r[c.id]) ?? "");
      // More columns than an A4 line holds legibly (Mẫu 01a item 5.1): each row prints as labelled lines instead.
      if (cols.length > WIDEST_TABLE) {
        return [
          { t: "text", text: `${field.label}:` },
          ...(rows.length > 0 ? rows : [{}]).flatMap((r, i): Block[] => [
            ...(rows.length > 1 ? [{ t: "text" as const, text: `(${i + 1})`, italic: true }] : []),
            ...cols.map((c): Block => ({ t: "field", label: c.label, value: cell(c, r) || null })),
          ]),
        ];
      }
      const sign = field.signatureColumn === true;
      return [
        { t: "text", text: `${field.label}:` },
        {
          t: "table",
          header: ["STT", ...cols.map((c) => c.label), ...(sign ? ["Chữ ký"] : [])],
          widths: [0.8, ...cols.map(columnWidth), ...(sign ? [1.2] : [])],
          rows: (rows.length > 0 ? rows : [{}]).map((r, i) => [
            rows.length > 0 ? String(i + 1) : "",
            ...cols.map((c) => cell(c, r)),
            ...(sign ? [""] : []),
          ]),
        },
      ];
    }
    case "repeat": {
      const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [{}];
      return items.flatMap((item, i) => [
        ...(items.length > 1 ? [{ t: "text" as const, text: `${field.label} ${i + 1}:`, italic: true }] : []),
        ...(field.itemFields ?? []).map((c): Block =>
          c.type === "choice"
            ? {
                t: "checks",
                label: c.label,
                items: (c.options ?? []).map((o) => ({ text: o, checked: item[c.id] === o })),
              }
            : { t: "field", label: c.label, value: printValue(c, item[c.id]) },
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
    const fields = form.fields.filter(
      (f) => f.section === section.id && !(section.id === "header" && /^recipient/.test(f.id)),
    );
    if (section.id === "header" && fields.length === 0) continue;
    blocks.push(...(frame.beforeSection?.[section.id] ?? []));
    const simple =
      fields.length === 1 && !["table", "repeat", "choice", "multiChoice", "checkbox"].includes(fields[0]!.type);
    const single = simple && fields[0]!.label === section.label.replace(/^\d+\.\s*/, "");
    if (!single && section.heading !== false) blocks.push({ t: "heading", text: section.label });
    if (frame.sectionIntro?.[section.id])
      blocks.push({ t: "text", text: frame.sectionIntro[section.id]!, italic: true });
    for (const f of fields) {
      if (f.printBefore) blocks.push({ t: "text", text: `${f.printBefore}:` });
      const b = fieldBlocks(f, data[f.id]);
      // A one-field section prints its numbered label in the weight of the other section headings.
      if (single && b[0]?.t === "field") b[0] = { ...b[0], label: section.label, labelBold: true };
      // The section heading already says what a lone table or choice is: no second heading under it.
      const same = fields.length === 1 && f.label === section.label.replace(/^\d+\.\s*/, "");
      if (same && b[0]?.t === "text" && b[0].text === `${f.label}:`) b.shift();
      else if (same && b[0]?.t === "checks") b[0] = { t: "checks", items: b[0].items };
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
  return {
    header: {
      kind: "citizen",
      ...(frame.formCodeLabel ? { formCode: frame.formCodeLabel } : {}),
      ...(frame.dateOnTop ? { place: dated } : {}),
    },
    title: form.title.toUpperCase(),
    recipient: recipientOf(form, ctx.formData) ?? "……………………",
    ...(frame.recipientMark ? { recipientMark: frame.recipientMark } : {}),
    blocks: [...(frame.top ?? []), ...body, ...frame.closing],
    keepWithSignatures: Math.max(1, frame.closing.length),
    ...(frame.after ? { after: frame.after } : {}),
    ...(frame.dateOnTop
      ? {}
      : { placeDate: frame.placeDateLabel === "Làm tại" ? `Làm tại: ${dated}` : dated || DATE_DOTS }),
    signatures: frame.signatures(ctx),
    ...(frame.footnotes ? { footnotes: frame.footnotes } : {}),
  };
}
