/** The Vietnamese message beside a field (GOV.UK error message pattern): red text, announced to screen readers. */
export function FieldMessage({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="kh-field-error" role="alert">
      {message}
    </p>
  );
}
