/**
 * One row of a tappable list (units, procedures, tickets, dossiers): an optional leading icon, a title, lines
 * under it, and the chevron. The whole row is one button, named by its title and lines.
 */
import type { ReactNode } from "react";
import { Icon, type IconName } from "./icons.js";

export interface ListRowProps {
  title: ReactNode;
  /** Lines under the title, each on its own line; null/false lines are left out. */
  lines?: ReactNode[];
  icon?: IconName;
  titleClassName?: string;
  onClick: () => void;
}

export function ListRow({ title, lines = [], icon, titleClassName, onClick }: ListRowProps) {
  return (
    <li>
      <button type="button" className="kh-row" onClick={onClick}>
        {icon ? <Icon name={icon} /> : null}
        <span className="kh-row-main">
          <span className={titleClassName ? `kh-row-title ${titleClassName}` : "kh-row-title"}>{title}</span>
          {lines.map((line, i) =>
            line === null || line === false || line === undefined ? null : (
              <span key={i} className="kh-row-sub">
                {line}
              </span>
            ),
          )}
        </span>
        <Icon name="chevronRight" />
      </button>
    </li>
  );
}
