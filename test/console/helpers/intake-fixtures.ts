/** Synthetic applicants (docs/domain/personal-data.md#cccd-qr-payload: invented numbers, never real people) and intake bodies for 1.004873. */

export const CCCD_NGUYEN_VAN_THU =
  "067085000001|245000001|Nguyễn Văn Thử|15061985|Nam|Thôn 3, Xã Nam Đà, Huyện Krông Nô, Tỉnh Đắk Nông|20042021";
export const CCCD_TRAN_THI_MAU =
  "067301000002||Trần Thị Mẫu|12052001|Nữ|Tổ 2, Phường Nghĩa Tân, Thành phố Gia Nghĩa, Tỉnh Đắk Nông|05072022";

export function maritalForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const person = {
    name: "Nguyễn Văn Thử",
    birth: "1985-06-15",
    residence: "Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng",
    idNumber: "067085000001",
    issuedOn: "2021-04-20",
    issuer: "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
  };
  return {
    recipientAgency: "Ủy ban nhân dân xã Quảng Khê",
    requesterName: person.name,
    requesterBirthDate: person.birth,
    requesterResidence: person.residence,
    requesterIdType: "Căn cước công dân",
    requesterIdNumber: person.idNumber,
    requesterIdIssuedOn: person.issuedOn,
    requesterIdIssuer: person.issuer,
    relationship: "Bản thân",
    subjectName: person.name,
    subjectBirthDate: person.birth,
    subjectSex: "Nam",
    subjectEthnicity: "Kinh",
    subjectNationality: "Việt Nam",
    subjectResidence: person.residence,
    subjectIdType: "Căn cước công dân",
    subjectIdNumber: person.idNumber,
    subjectIdIssuedOn: person.issuedOn,
    subjectIdIssuer: person.issuer,
    maritalStatus: "Hiện tại chưa đăng ký kết hôn với ai",
    purpose: "Để bổ sung hồ sơ vay vốn tại ngân hàng",
    ...overrides,
  };
}

export const ALL_DOCUMENTS = [
  { id: "declaration", count: 1, received: true },
  { id: "identity_document", count: 1, received: true },
];

export function maritalIntake(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { procedureCode: "1.004873", formData: maritalForm(), documents: ALL_DOCUMENTS, caseFlags: [], ...extra };
}
