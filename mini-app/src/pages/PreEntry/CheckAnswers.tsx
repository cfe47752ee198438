/**
 * "Kiểm tra thông tin" (GOV.UK check answers): every answer with a "Sửa" link, the messages of the shared
 * schema and of the server beside their rows, and the one button that sends.
 */
import { Button } from "zmp-ui";
import type { FormField } from "../../../../shared/procedures/procedure-version.js";
import { FieldMessage } from "../../components/FieldMessage.js";
import { Notice } from "../../components/Notice.js";
import { formatDate } from "../../format.js";
import type { FieldMessages } from "../../form/validate.js";

export function displayValue(field: Pick<FormField, "type">, value: unknown): string {
  if (value === undefined || value === null || value === "") return "Chưa trả lời";
  if (field.type === "date" && typeof value === "string")
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
  if (field.type === "checkbox") return value === true ? "Có" : "Không";
  if (Array.isArray(value)) {
    if (field.type === "multiChoice") return value.join("; ");
    return `${value.length} dòng`;
  }
  return String(value);
}

export interface CheckSection {
  label: string;
  fields: FormField[];
  /** Shown instead of rows that repeat another section (the subject is the requester: "Bản thân"). */
  note?: string;
}

export function CheckAnswers({
  sections,
  data,
  messages,
  generalError,
  sending,
  onChange,
  onSubmit,
}: {
  sections: CheckSection[];
  data: Record<string, unknown>;
  messages: FieldMessages;
  generalError: string | null;
  sending: boolean;
  onChange: (fieldId: string) => void;
  onSubmit: () => void;
}) {
  const count = Object.keys(messages).length;
  return (
    <div className="kh-stack" data-step="check">
      <h1 className="kh-question">Kiểm tra thông tin trước khi gửi</h1>
      {count > 0 || generalError ? (
        <Notice tone="error" title={generalError ?? `Còn ${count} mục cần sửa`}>
          {count > 0 ? `Bấm “Sửa” ở ${count === 1 ? "mục" : `${count} mục`} được đánh dấu bên dưới.` : null}
        </Notice>
      ) : null}
      {sections.map((section) => (
        <section key={section.label} className="kh-stack">
          {/* A one-field section named like its field ("Kính gửi") is said once. */}
          {section.fields.length === 1 && section.fields[0]!.label === section.label ? null : (
            <h2 className="kh-h2">{section.label}</h2>
          )}
          {section.note ? <p className="kh-meta">{section.note}</p> : null}
          {section.fields.length > 0 ? (
            <dl className="kh-summary">
              {section.fields.map((f) => (
                <div
                  key={f.id}
                  className={`kh-summary-row${messages[f.id] ? " kh-summary-invalid" : ""}`}
                  data-field={f.id}
                >
                  <dt>{f.label}</dt>
                  <dd>
                    {displayValue(f, data[f.id])}
                    <FieldMessage id={`check-${f.id}-error`} message={messages[f.id]} />
                  </dd>
                  <dd className="kh-summary-action">
                    <button type="button" className="kh-link" onClick={() => onChange(f.id)}>
                      Sửa<span className="kh-visually-hidden"> {f.label}</span>
                    </button>
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
        </section>
      ))}
      <p className="kh-meta">
        Khi bấm “Gửi thông tin”, bạn xác nhận các thông tin trên là đúng. Tại Bộ phận Một cửa, cán bộ in tờ khai để bạn
        kiểm tra và ký.
      </p>
      <Button fullWidth className="kh-btn-lg" loading={sending} onClick={onSubmit}>
        Gửi thông tin
      </Button>
    </div>
  );
}
