/**
 * A fact the province or the unit has not yet confirmed (evidence mark U or ?, docs/README.md#evidence-marks), in
 * citizen words: a small "chưa xác nhận" beside it and, once on the screen, what that means and what to do. The
 * internal marker ("cần kiểm tra") stays in the console.
 */
export const UNCONFIRMED_TAG = "chưa xác nhận";
export const UNCONFIRMED_NOTE =
  "“Chưa xác nhận”: thông tin này chưa được cơ quan có thẩm quyền xác nhận chính thức, có thể thay đổi; nên hỏi lại Bộ phận Một cửa trước khi đến.";

export function Unconfirmed({ on }: { on: boolean }) {
  return on ? <span className="kh-tag kh-tag-verify">{UNCONFIRMED_TAG}</span> : null;
}

export function UnconfirmedNote({ on }: { on: boolean }) {
  return on ? (
    <p className="kh-meta" data-testid="unconfirmed-note">
      {UNCONFIRMED_NOTE}
    </p>
  ) : null;
}
