/**
 * "Thiết lập đơn vị": the office's name as citizens know it and its office hours with breaks (a unit administrator
 * for their unit; a province administrator for any unit of the province, with a picker, and that unit's training
 * switch). Official codes never change here. Every change asks why and is audited; citizens see it at once
 * (docs/admin/unit-and-verification.md).
 */
import { useEffect, useState } from "react";
import { api, ApiError, loadForEffect } from "./api.js";
import { vnDayTime } from "./format.js";
import { TrainingSetting } from "./training.js";
import type { UnitSettingsReply } from "../../../shared/console/unit-admin.js";
import { Loading } from "./page-messages.js";

type Range = { start: string; end: string };

export function UnitSettingsPage({ provinceWide }: { provinceWide: boolean }) {
  const [data, setData] = useState<UnitSettingsReply | null>(null);
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const [name, setName] = useState("");
  const [address, setAddress] = useState("");
  const [phone, setPhone] = useState("");
  const [ownHours, setOwnHours] = useState(false);
  const [hours, setHours] = useState<Range[]>([]);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");

  const show = (d: UnitSettingsReply) => {
    setData(d);
    setName(d.setting?.name ?? "");
    setAddress(d.setting?.address ?? "");
    setPhone(d.setting?.phone ?? "");
    setOwnHours(Boolean(d.setting?.officeHours));
    setHours(d.setting?.officeHours ?? d.effective.officeHours);
    setReason("");
  };
  useEffect(() => {
    const q = unitId ? `?unitId=${encodeURIComponent(unitId)}` : "";
    return loadForEffect<UnitSettingsReply>(`/admin/unit${q}`, show, (e) => setMessage(e.message));
  }, [unitId]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!data) return;
    setErrors({});
    setMessage("");
    try {
      show(
        await api<UnitSettingsReply>("PUT", "/admin/unit", {
          unitId: data.unitId,
          name,
          ...(provinceWide ? { address, phone } : {}),
          officeHours: ownHours ? hours : null,
          reason,
        }),
      );
      setMessage("Đã lưu. Người dân thấy thông tin mới ngay trên Mini App và chatbot.");
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0)
        setErrors(Object.fromEntries(err.fields.map((f) => [f.path, f.message])));
      setMessage(err instanceof ApiError ? err.message : "Không kết nối được máy chủ.");
    }
  };

  if (!data) return <Loading error={message} />;
  const setRange = (i: number, key: keyof Range, value: string) =>
    setHours(hours.map((h, j) => (j === i ? { ...h, [key]: value } : h)));
  return (
    <>
      <form className="card" onSubmit={save} aria-labelledby="unit-settings-title">
        <h2 id="unit-settings-title">Thiết lập đơn vị</h2>
        {provinceWide && (
          <div className="field">
            <label htmlFor="unit-pick">Đơn vị</label>
            <select id="unit-pick" value={data.unitId} onChange={(e) => setUnitId(e.target.value)}>
              {data.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.code})
                </option>
              ))}
            </select>
          </div>
        )}
        <p className="muted">
          {data.officialName} · mã đơn vị hành chính {data.code} (không đổi ở đây)
        </p>
        <div className="field">
          <label htmlFor="unit-name">Tên nơi tiếp nhận người dân biết</label>
          <input
            id="unit-name"
            placeholder={data.shipped.place}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(errors.name)}
          />
          <p className="muted">Để trống để dùng tên mặc định: {data.shipped.place}.</p>
          {errors.name && <p className="error">{errors.name}</p>}
        </div>
        {provinceWide && (
          <>
            <div className="field">
              <label htmlFor="unit-address">Địa chỉ nơi tiếp nhận</label>
              <input id="unit-address" value={address} onChange={(e) => setAddress(e.target.value)} />
              {errors.address && <p className="error">{errors.address}</p>}
            </div>
            <div className="field">
              <label htmlFor="unit-phone">Điện thoại nơi tiếp nhận</label>
              <input id="unit-phone" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
              {errors.phone && <p className="error">{errors.phone}</p>}
            </div>
          </>
        )}
        <fieldset className="field">
          <legend>Giờ làm việc</legend>
          <label style={{ display: "flex", gap: "0.5em", alignItems: "center" }}>
            <input
              type="checkbox"
              style={{ width: "auto" }}
              checked={ownHours}
              onChange={(e) => setOwnHours(e.target.checked)}
            />
            Đơn vị có giờ làm việc riêng (thay giờ của kế hoạch)
          </label>
          {ownHours ? (
            <>
              {hours.map((h, i) => (
                <div className="row" key={i} style={{ marginBottom: 6 }}>
                  <label htmlFor={`hours-${i}-start`}>Từ</label>
                  <input
                    id={`hours-${i}-start`}
                    value={h.start}
                    size={5}
                    style={{ width: "6em" }}
                    placeholder="07:00"
                    onChange={(e) => setRange(i, "start", e.target.value)}
                    aria-invalid={Boolean(errors[`officeHours.${i}.start`])}
                  />
                  <label htmlFor={`hours-${i}-end`}>đến</label>
                  <input
                    id={`hours-${i}-end`}
                    value={h.end}
                    size={5}
                    style={{ width: "6em" }}
                    placeholder="11:30"
                    onChange={(e) => setRange(i, "end", e.target.value)}
                    aria-invalid={Boolean(errors[`officeHours.${i}.end`])}
                  />
                  <button type="button" onClick={() => setHours(hours.filter((_, j) => j !== i))}>
                    Bỏ khoảng này
                  </button>
                  {errors[`officeHours.${i}.start`] && <p className="error">{errors[`officeHours.${i}.start`]}</p>}
                  {errors[`officeHours.${i}.end`] && <p className="error">{errors[`officeHours.${i}.end`]}</p>}
                </div>
              ))}
              <button type="button" onClick={() => setHours([...hours, { start: "", end: "" }])}>
                Thêm khoảng giờ
              </button>
              <p className="muted">Giờ nghỉ trưa là khoảng trống giữa hai khoảng giờ.</p>
            </>
          ) : (
            <p>
              Theo kế hoạch: {data.effective.officeHours.map((h) => `${h.start}–${h.end}`).join(", ") || "chưa có"}
              {data.effective.officeHoursToVerify ? " (chưa xác nhận)" : ""}
            </p>
          )}
          {data.intakeCutoffs.length > 0 && (
            <p className="muted">
              Giờ chốt nhận hồ sơ trả trong ngày: {data.intakeCutoffs.join(", ")} (phải nằm trong giờ làm việc).
            </p>
          )}
          {errors.officeHours && <p className="error">{errors.officeHours}</p>}
        </fieldset>
        <div className="field">
          <label htmlFor="unit-reason">Lý do thay đổi</label>
          <input
            id="unit-reason"
            placeholder="Theo Quyết định số … của UBND xã"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={Boolean(errors.reason)}
          />
          {errors.reason && <p className="error">{errors.reason}</p>}
        </div>
        {data.setting && (
          <p className="muted">
            Cập nhật lần cuối: {vnDayTime(data.setting.updatedAt)} bởi {data.setting.updatedByName} —{" "}
            {data.setting.reason}
          </p>
        )}
        {message && (
          <p className={Object.keys(errors).length > 0 ? "error" : "ok"} role="status">
            {message}
          </p>
        )}
        <button className="primary" type="submit">
          Cập nhật thiết lập đơn vị
        </button>
      </form>
      {/* The province administrator switches the picked unit's training (a unit administrator has it below). */}
      {provinceWide && <TrainingSetting key={data.unitId} unitId={data.unitId} />}
    </>
  );
}
