/**
 * "Thông tin Bộ phận Một cửa": the office telephone and address the chatbot gives to citizens who ask for an officer
 * or for the office. The unit administrator changes them; nothing is shown to citizens until they are entered.
 */
import { useEffect, useState } from "react";
import { api, ApiError } from "./api.js";
import { vnDayTime } from "./format.js";
import type { OfficeContactReply as OfficeContact } from "../../../shared/console/office.js";
import { Loading } from "./page-messages.js";

export function OfficePage() {
  const [saved, setSaved] = useState<OfficeContact | null>(null);
  const [phone, setPhone] = useState("");
  const [address, setAddress] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const show = (c: OfficeContact) => {
    setSaved(c);
    setPhone(c.phone ?? "");
    setAddress(c.address ?? "");
  };
  useEffect(() => {
    api<OfficeContact>("GET", "/office-contact").then(show, (e: Error) => setMessage(e.message));
  }, []);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setMessage("");
    try {
      show(await api<OfficeContact>("PUT", "/office-contact", { phone, address }));
      setMessage("Đã lưu. Chatbot Zalo dùng thông tin này từ tin nhắn tiếp theo.");
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0)
        setErrors(Object.fromEntries(err.fields.map((f) => [f.path, f.message])));
      setMessage(err instanceof ApiError ? err.message : "Không kết nối được máy chủ.");
    }
  };

  if (!saved) return <Loading error={message} />;
  return (
    <form className="card" onSubmit={save}>
      <h2>Thông tin Bộ phận Một cửa</h2>
      <p className="muted">
        Chatbot Zalo trả lời người dân hỏi địa chỉ hoặc xin gặp cán bộ bằng số điện thoại và địa chỉ dưới đây. Để trống
        nếu chưa có thông tin chính thức.
      </p>
      <div className="field">
        <label htmlFor="office-phone">Số điện thoại</label>
        <input
          id="office-phone"
          inputMode="tel"
          placeholder="0261 3544 123"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          aria-invalid={Boolean(errors.phone)}
        />
        {errors.phone && <p className="error">{errors.phone}</p>}
      </div>
      <div className="field">
        <label htmlFor="office-address">Địa chỉ</label>
        <input
          id="office-address"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          aria-invalid={Boolean(errors.address)}
        />
        {errors.address && <p className="error">{errors.address}</p>}
      </div>
      {saved.updatedAt && <p className="muted">Cập nhật lần cuối: {vnDayTime(saved.updatedAt)}</p>}
      {message && (
        <p className={Object.keys(errors).length > 0 ? "error" : "ok"} role="status">
          {message}
        </p>
      )}
      <button className="primary" type="submit">
        Lưu
      </button>
    </form>
  );
}
