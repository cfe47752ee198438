/** Only the identity document is unticked and the pre-entry holds an ID number: "seen the CCCD original?", in the same step. */
import { focusDocument, IDENTITY_DOC, type Procedure } from "./intake-types.js";
import type { IntakeActions } from "./use-intake-actions.js";

export function IdentityCheck({
  procedure,
  idNumber,
  actions,
}: {
  procedure: Procedure;
  idNumber: string | undefined;
  actions: IntakeActions;
}) {
  const notSeen = () => {
    actions.setAskIdentity(false);
    const doc = procedure.requiredDocuments.find((d) => IDENTITY_DOC.test(d.id));
    if (doc) focusDocument(doc.id);
  };
  return (
    <div
      className="card identity-check"
      role="alertdialog"
      aria-labelledby="identity-check-title"
      data-testid="identity-check"
    >
      <h2 id="identity-check-title">Đã xem bản chính CCCD?</h2>
      <p>
        Bản khai trước ghi số giấy tờ tùy thân <b>{idNumber}</b>. Đối chiếu với bản chính thẻ căn cước của công dân rồi
        tiếp nhận.
      </p>
      <div className="row">
        <button className="primary" autoFocus onClick={() => void actions.receive(true)}>
          Đã xem bản chính, tiếp nhận
        </button>
        <button onClick={notSeen}>Chưa xem</button>
      </div>
    </div>
  );
}
