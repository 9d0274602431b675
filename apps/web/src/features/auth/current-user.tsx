import { createContext, useContext } from "react";
import type { Me } from "../../lib/trpc";

/** Set by RequireAuth, so pages behind it get a non-null `me` without re-checking. */
export const CurrentUserContext = createContext<Me | null>(null);

export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error("useCurrentUser must be used inside <RequireAuth>");
  return me;
}
