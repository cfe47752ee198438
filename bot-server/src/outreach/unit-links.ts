/**
 * Where the outreach material sends a citizen. The QR of a poster opens the mini-app at the unit:
 * inside Zalo through the link form Zalo documents for reaching a Mini App from outside,
 * `https://zalo.me/s/{appId}/?variable=value` (miniapp.zaloplatforms.com/documents/intro/mini-app-navigation-mechanisms),
 * read by the app with getRouteParams (`?unit=<code>`, the launch parameter the mini-app opens a unit's screen with,
 * mini-app/src/app.tsx LaunchRedirect); without a Mini App id, the web build's own page of the unit, /m/don-vi/<code>
 * (the web build routes real paths under /m/, mini-app/src/router.tsx).
 */

export interface LinkConfig {
  PUBLIC_BASE_URL: string;
  ZALO_MINIAPP_ID?: string | undefined;
}

const e = encodeURIComponent;

/** The address that opens the mini-app at this unit (the QR of the poster, the page's button). */
export function miniAppUnitUrl(config: LinkConfig, unitCode: string): string {
  if (config.ZALO_MINIAPP_ID) return `https://zalo.me/s/${e(config.ZALO_MINIAPP_ID)}/?unit=${e(unitCode)}`;
  return webAppUnitUrl(config, unitCode);
}

/** The mini-app's web build at this unit (works in any browser). */
export function webAppUnitUrl(config: LinkConfig, unitCode: string): string {
  return `${config.PUBLIC_BASE_URL}/m/don-vi/${e(unitCode)}`;
}

export function unitPageUrl(config: LinkConfig, unitCode: string): string {
  return `${config.PUBLIC_BASE_URL}/don-vi/${e(unitCode)}`;
}

/** An address as printed under a QR code: without the scheme, which nobody types. */
export function shortAddress(url: string): string {
  return url.replace(/^https?:\/\//, "");
}
