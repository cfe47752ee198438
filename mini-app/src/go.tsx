/**
 * How the home screen's components open another screen. Inside the app's router it is zmp-ui's navigate, with its
 * page animation. On the first screen, painted before the router and zmp-ui's screens have loaded
 * (first-screen.tsx), it hands over to the app, which then navigates the same way.
 */
import { createContext, useContext } from "react";

export type Go = (to: string) => void;

const GoContext = createContext<Go | null>(null);

export const GoProvider = GoContext.Provider;

export function useGo(): Go {
  const go = useContext(GoContext);
  if (!go) throw new Error("useGo outside GoProvider");
  return go;
}
