/**
 * Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (TT 04/2020/TT-BTP, amended by TT 04/2024/TT-BTP) in the line
 * order of docs/domain/procedures.md#marital-status-certificate-1004873: requester, "Đề nghị cấp … cho người có tên dưới đây", subject; "Giấy tờ tùy thân"
 * is one line "loại số …, cấp ngày …, tại …" as footnote (3) shows.
 */
import type { ApplicationContext } from "./application-form.js";
import { text, vnDate, type Block } from "./print-document.js";

function identityDocument(data: Record<string, unknown>, prefix: string): string | null {
  const type = text(data[`${prefix}IdType`]);
  const number = text(data[`${prefix}IdNumber`]);
  if (!type && !number) return null;
  const issuedOn = vnDate(data[`${prefix}IdIssuedOn`]);
  const issuer = text(data[`${prefix}IdIssuer`]);
  return [
    `${type ?? "Giấy tờ tùy thân"} số ${number ?? "……"}`,
    `cấp ngày ${issuedOn ?? "……"}`,
    `tại ${issuer ?? "……"}`,
  ].join(", ");
}

export function maritalStatusBlocks({ formData: d }: ApplicationContext): Block[] {
  return [
    { t: "field", label: "Họ, chữ đệm, tên người yêu cầu", value: text(d.requesterName) },
    { t: "field", label: "Ngày, tháng, năm sinh", value: vnDate(d.requesterBirthDate) },
    { t: "field", label: "Nơi cư trú", mark: "(2)", value: text(d.requesterResidence) },
    { t: "field", label: "Giấy tờ tùy thân", mark: "(3)", value: identityDocument(d, "requester") },
    { t: "field", label: "Quan hệ với người được cấp Giấy xác nhận tình trạng hôn nhân", value: text(d.relationship) },
    { t: "text", text: "Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây:", bold: true },
    { t: "field", label: "Họ, chữ đệm, tên", value: text(d.subjectName) },
    { t: "field", label: "Ngày, tháng, năm sinh", value: vnDate(d.subjectBirthDate) },
    {
      t: "fields",
      items: [
        { label: "Giới tính", value: text(d.subjectSex) },
        { label: "Dân tộc", value: text(d.subjectEthnicity) },
        { label: "Quốc tịch", value: text(d.subjectNationality) },
      ],
    },
    { t: "field", label: "Nơi cư trú", mark: "(2)", value: text(d.subjectResidence) },
    { t: "field", label: "Giấy tờ tùy thân", mark: "(3)", value: identityDocument(d, "subject") },
    { t: "field", label: "Tình trạng hôn nhân", mark: "(4)", value: text(d.maritalStatus) },
    { t: "field", label: "Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân", mark: "(5)", value: text(d.purpose) },
  ];
}
