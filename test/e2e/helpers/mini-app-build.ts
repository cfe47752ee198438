/**
 * The mini app's production build (mini-app/www, what the server serves at /m/): rebuilt when a source is newer than
 * the last build, so a test never runs against stale JavaScript. The server's own first-start build does it: into a
 * temporary folder renamed into place, under a lock, so suites in parallel workers (and their servers) build once
 * and never serve half a build.
 */
import { buildMiniAppLocked } from "../../../bot-server/src/http/mini-app-build.js";
import { MINI_APP_WWW } from "../../../bot-server/src/app-paths.js";

export function ensureMiniAppBuild(): Promise<void> {
  return buildMiniAppLocked(MINI_APP_WWW);
}
