/**
 * Identity documents accepted over time. The old ID card (Chứng minh nhân dân, 9 or 12 digits) was valid until
 * 31/12/2024 whatever the date printed on it (Luật Căn cước 26/2023/QH15, transitional provision, Art. 46): versions
 * from 01/01/2025 no longer offer it. The number itself still identifies old records (the CCCD QR keeps "số CMND cũ").
 */
export const CMND_LAST_VALID_DAY = "2024-12-31";
export const CMND_END_SOURCE =
  "Luật Căn cước 26/2023/QH15, quy định chuyển tiếp (Điều 46): Chứng minh nhân dân còn hạn được sử dụng đến hết 31/12/2024; " +
  "https://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/57425/thoi-diem-chung-minh-nhan-dan-het-han-su-dung; " +
  "https://www.quochoitv.vn/goc-nhin-hom-nay-the-can-cuoc-tu-1-7-2024-204698.htm";

const CMND = /^\s*Chứng minh nhân dân\s*$/;

/** The same list of document types without the old ID card. */
export function withoutCmnd(options: readonly string[]): string[] {
  return options.filter((o) => !CMND.test(o));
}
