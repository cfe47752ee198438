/** "Trong ngày" / "Thông thường": which track a dossier gets, in words and colour (never colour alone). */
import type { Track } from "../api/types.js";

const LABELS: Record<Track, string> = { "same-day": "Trả trong ngày", normal: "Thông thường" };

export function TrackBadge({ track }: { track: Track }) {
  return <span className={`kh-badge kh-badge-${track}`}>{LABELS[track]}</span>;
}
