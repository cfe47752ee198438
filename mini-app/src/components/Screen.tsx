/**
 * A screen: zmp-ui Page with a header whose back button is an inline SVG (the zaui icon font is not
 * available outside Zalo), and a padded body.
 */
import type { ReactNode } from "react";
import { Header, Page } from "zmp-ui";
import { Icon } from "./icons.js";

export interface ScreenProps {
  title: string;
  back?: boolean;
  onBack?: () => void;
  children: ReactNode;
  footer?: ReactNode;
  name?: string;
}

export function Screen({ title, back = true, onBack, children, footer, name }: ScreenProps) {
  return (
    <Page className="kh-page" name={name}>
      <Header
        className="kh-header"
        title={title}
        showBackIcon={back}
        backIcon={
          <>
            <Icon name="back" size={26} />
            <span className="kh-visually-hidden">Quay lại</span>
          </>
        }
        {...(onBack ? { onBackClick: () => onBack() } : {})}
      />
      <main className="kh-body" data-screen={name}>
        {children}
      </main>
      {footer ? <div className="kh-footer">{footer}</div> : null}
    </Page>
  );
}
