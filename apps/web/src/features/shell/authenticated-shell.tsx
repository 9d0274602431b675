import { RequireAuth } from "../auth/require-auth";
import { AppLayout } from "./app-layout";

/** Everything under `/`: signed-in users get the shell, others go to /login (one lazy chunk for both). */
export function AuthenticatedShell() {
  return (
    <RequireAuth>
      <AppLayout />
    </RequireAuth>
  );
}
