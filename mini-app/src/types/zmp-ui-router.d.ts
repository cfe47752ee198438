/** The animation context zmp-ui's ZMPRouter module exports (zmp-ui 1.11: esm/components/router/ZMPRouter.js). */
declare module "zmp-ui/esm/components/router/ZMPRouter.js" {
  import type { Context } from "react";
  import type { AnimationRouterContextType } from "zmp-ui/router";
  export const AnimationRouterContext: Context<AnimationRouterContextType | undefined>;
}
