/** Durations in citizen words: 300 → "5 giờ", 45 → "45 phút", 80 → "1 giờ 20 phút" (never "300 phút"). */
export function formatDurationVi(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} phút`;
  return rest === 0 ? `${h} giờ` : `${h} giờ ${rest} phút`;
}

/** "(còn 5 giờ)", or at the cutoff minute itself "(đến hết phút này)": intake runs up to the cutoff inclusive. */
export function timeLeftVi(minutesLeft: number): string {
  return minutesLeft > 0 ? `(còn ${formatDurationVi(minutesLeft)})` : "(đến hết phút này)";
}
