/**
 * What the citizen typed on the first screen (first-screen.tsx), and the results it shows, when the app takes over
 * with the same home screen: the first screen writes its state here; the app's home screen starts from it, once.
 * Later visits to the home screen start empty, as they always did.
 */
import {
  createContext,
  useContext,
  useEffect,
  useState,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from "react";

const carried = new Map<string, unknown>();
const Writing = createContext(false);

/** Around the first screen: its carried state is written for the app. */
export const CarryOut = ({ children }: { children: ReactNode }) => (
  <Writing.Provider value={true}>{children}</Writing.Provider>
);

export function useCarriedState<T>(key: string, initial: T): [T, Dispatch<SetStateAction<T>>] {
  const writing = useContext(Writing);
  const [value, setValue] = useState<T>(() => {
    if (writing || !carried.has(key)) return initial;
    const v = carried.get(key) as T;
    carried.delete(key);
    return v;
  });
  useEffect(() => {
    if (writing) carried.set(key, value);
  }, [writing, key, value]);
  return [value, setValue];
}
