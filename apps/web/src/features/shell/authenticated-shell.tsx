import { RealtimeProvider } from "../../lib/realtime";
import { RequireAuth } from "../auth/require-auth";
import { AppLayout } from "./app-layout";

/** Everything under `/`: signed-in users get the shell (and the tab's one event stream), others go to /login (one lazy chunk for both). */
export function AuthenticatedShell() {
  return (
    <RequireAuth>
      <RealtimeProvider>
        <AppLayout />
      </RealtimeProvider>
    </RequireAuth>
  );
}
