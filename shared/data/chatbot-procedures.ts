/**
 * The words citizens use for procedures, folded. `schemeProcedurePhrases` names the catalogue's procedures by the
 * everyday words people type ("giấy độc thân", "mở tiệm tạp hóa", "giải chấp sổ đỏ"); the catalogue's official names
 * are added at compile time (understand.ts), so a new catalogue entry is recognised by its name at once.
 * `otherProcedures` are procedures people often ask about that no shipped scheme plan lists ("Ngày không hẹn" does
 * not cover them): the bot says so instead of guessing. Phrase syntax: "a b" = adjacent words; "a + b" = both
 * anywhere. Weight: how surely the phrase names that procedure (a mention needs 2 or more).
 */

export type WeightedPhrase = readonly [phrase: string, weight: number];

export const schemeProcedurePhrases: Readonly<Record<string, readonly WeightedPhrase[]>> = {
  // Cấp Giấy xác nhận tình trạng hôn nhân
  "1.004873": [
    ["tinh trang hon nhan", 3.5],
    ["xac nhan hon nhan", 3],
    ["doc than", 3],
    ["xac nhan doc than", 1.5],
    ["giay doc than", 1.5],
    ["chua ket hon + xac nhan", 2],
    ["chua lap gia dinh + xac nhan", 2],
    ["xac nhan + chua vo", 2],
    ["xac nhan + chua chong", 2],
  ],
  // Đăng ký thành lập hộ kinh doanh
  "1.001612": [
    ["ho kinh doanh", 3.5],
    ["dang ky kinh doanh", 3],
    ["giay phep kinh doanh", 3],
    ["mo tiem", 3],
    ["tap hoa", 3],
    ["mo quan", 3],
    ["mo cua hang", 3],
    ["quan ca phe", 2.5],
    ["quan an", 2.5],
    ["quan nuoc", 2.5],
    ["buon ban", 2],
    ["kinh doanh", 2],
    ["ban hang + dang ky", 2],
    ["mo shop", 3],
    ["tiem", 1],
    ["cua hang", 1.5],
    ["hoat dong kinh doanh", 1],
  ],
  // Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất (thế chấp)
  "1.011441": [
    ["the chap", 3],
    ["dang ky the chap", 1],
    ["bien phap bao dam", 3.5],
    ["giao dich bao dam", 3.5],
    ["vay ngan hang", 2.5],
    ["vay von", 2],
    ["the chap + so do", 0.5],
    ["the chap + dat", 0.5],
    ["the chap + quyen su dung dat", 0.5],
    ["cam so do", 2.5],
  ],
  // Xóa đăng ký biện pháp bảo đảm (xóa thế chấp)
  "1.011443": [
    ["xoa the chap", 5],
    ["xoa + the chap", 4.5],
    ["giai chap", 6],
    ["xoa + bien phap bao dam", 5],
    ["xoa dang ky bien phap bao dam", 2],
    ["tra no + so do", 3.5],
    ["tra no + ngan hang", 3],
    ["tat toan", 3.5],
    ["rut so do", 3.5],
    ["lay lai so do", 3.5],
    ["tra het no", 3],
    ["tra no xong", 3],
    ["xoa dang ky the chap", 1],
    ["xoa + giao dich bao dam", 5],
  ],
};

export interface OtherProcedure {
  /** Common Vietnamese name, as shown to the citizen. */
  name: string;
  /** Who receives it when it is not the commune one-stop (shown as a hint; "cần kiểm tra"). */
  where?: string;
  phrases: readonly WeightedPhrase[];
}

export const otherProcedures: readonly OtherProcedure[] = [
  {
    name: "Đăng ký khai sinh",
    phrases: [
      ["khai sinh", 3],
      ["giay khai sinh", 1],
      ["lam khai sinh", 1],
      ["sinh con + dang ky", 2.5],
    ],
  },
  {
    name: "Đăng ký kết hôn",
    phrases: [
      ["ket hon", 2.5],
      ["dang ky ket hon", 1],
      ["giay dang ky ket hon", 1],
      ["lay vo + giay", 2],
      ["lay chong + giay", 2],
    ],
  },
  {
    name: "Đăng ký khai tử",
    phrases: [
      ["khai tu", 3],
      ["bao tu", 3],
      ["giay chung tu", 3],
    ],
  },
  {
    name: "Chứng thực bản sao, chứng thực chữ ký",
    phrases: [
      ["chung thuc", 3],
      ["sao y", 3],
      ["cong chung", 2],
    ],
  },
  {
    name: "Cấp Giấy chứng nhận quyền sử dụng đất (sổ đỏ) lần đầu, cấp lại, cấp đổi",
    phrases: [
      ["cap so do", 3],
      ["lam so do", 3],
      ["so do lan dau", 3.5],
      ["cap lai so do", 3],
      ["mat so do", 3],
      ["cap doi so do", 3],
      ["so do + bi mat", 3],
      ["xin so do", 3],
      ["ra so do", 3],
      ["doi so do", 3],
    ],
  },
  {
    name: "Chuyển nhượng, tặng cho quyền sử dụng đất (sang tên sổ đỏ)",
    phrases: [
      ["sang ten", 3],
      ["chuyen nhuong", 3],
      ["mua ban dat", 3],
      ["tang cho", 3],
      ["sang ten so do", 1],
      ["thua ke", 3],
    ],
  },
  {
    name: "Tách thửa, hợp thửa đất",
    phrases: [
      ["tach thua", 3.5],
      ["hop thua", 3.5],
      ["tach so", 3],
      ["chia dat", 2.5],
    ],
  },
  {
    name: "Cấp giấy phép xây dựng",
    phrases: [
      ["giay phep xay dung", 3.5],
      ["xin phep xay", 3],
      ["phep xay nha", 3],
      ["xay nha + giay phep", 2.5],
    ],
  },
  {
    name: "Cấp căn cước, hộ chiếu",
    where: "cơ quan công an",
    phrases: [
      ["lam can cuoc", 3],
      ["cap can cuoc", 3],
      ["cap lai can cuoc", 3],
      ["doi can cuoc", 3],
      ["ho chieu", 3],
      ["dinh danh dien tu", 3],
      ["vneid", 3],
    ],
  },
  {
    // Luật Cư trú 2020 (68/2020/QH14), Art. 2(4): the registering body (cơ quan đăng ký cư trú) is the commune police [S:
    // press copies, VietNamNet 26/11/2025 "đăng ký tạm trú với công an xã/phường tại nơi đến"
    // https://vietnamnet.vn/huong-dan-cach-dang-ky-tam-tru-thong-bao-luu-tru-thuong-tru-2466324.html; thường trú "thực hiện
    // tại Công an cấp xã" https://myslaw.com.vn/huong-dan-chi-tiet-dang-ky-thuong-tru-nhanh-chong].
    name: "Đăng ký thường trú, tạm trú, xác nhận thông tin cư trú",
    where: "Công an xã, phường nơi cư trú",
    phrases: [
      ["tam tru", 3],
      ["thuong tru", 3],
      ["nhap khau", 3],
      ["xac nhan cu tru", 3.5],
      ["ho khau", 2.5],
      ["tach khau", 3],
      ["tam vang", 3],
    ],
  },
  {
    name: "Cấp bản sao trích lục hộ tịch",
    phrases: [
      ["trich luc", 3],
      ["ban sao khai sinh", 1],
    ],
  },
  // From 01/03/2025 the police receive driving-licence dossiers (Thông tư 12/2025/TT-BCA; VietnamPlus 01/03/2025
  // https://www.vietnamplus.vn/ngay-dau-tien-nganh-cong-an-thuc-hien-cap-doi-giay-phep-lai-xe-post1015232.vnp) [S].
  {
    name: "Đổi, cấp giấy phép lái xe",
    where: "Phòng Cảnh sát giao thông Công an tỉnh",
    phrases: [
      ["giay phep lai xe", 3.5],
      ["bang lai", 3],
      ["doi bang", 3],
    ],
  },
  {
    name: "Đăng ký nhận cha, mẹ, con; nhận con nuôi",
    phrases: [
      ["con nuoi", 3],
      ["nhan cha", 3],
      ["nhan con", 2.5],
    ],
  },
  {
    name: "Đăng ký doanh nghiệp",
    where: "Sở Tài chính",
    phrases: [
      ["thanh lap cong ty", 3.5],
      ["dang ky doanh nghiep", 3.5],
      ["mo cong ty", 3.5],
    ],
  },
  {
    name: "Trợ cấp, bảo trợ xã hội, hộ nghèo",
    phrases: [
      ["tro cap", 3],
      ["bao tro xa hoi", 3.5],
      ["ho ngheo", 3],
      ["can ngheo", 3],
    ],
  },
  {
    name: "Thay đổi, cải chính hộ tịch; giám hộ",
    phrases: [
      ["giam ho", 3],
      ["thay doi ho tich", 3.5],
      ["cai chinh", 3],
      ["doi ten", 2.5],
      ["thay doi ten", 3],
    ],
  },
  { name: "Cấp Phiếu lý lịch tư pháp", where: "Sở Tư pháp", phrases: [["ly lich tu phap", 3.5]] },
  {
    name: "Bảo hiểm y tế, bảo hiểm xã hội",
    where: "cơ quan bảo hiểm xã hội",
    phrases: [
      ["bao hiem y te", 3],
      ["bhyt", 3],
      ["bao hiem xa hoi", 3],
      ["bhxh", 3],
    ],
  },
];
