import { Button } from "@mantine/core";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { FullPage, FullPageLoader } from "../../components/full-page";
import { Logo } from "../../components/logo";
import { QueryError } from "../../components/query-error";
import { CurrentUserContext } from "./current-user";
import { useMe } from "./use-me";

/** Renders its children for a signed-in user; everyone else goes to /login and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (me.data === null) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  // Stale data beats an error screen: a blip in a background refetch shouldn't blank the app.
  if (me.data) return <CurrentUserContext value={me.data}>{children}</CurrentUserContext>;
  if (me.isError) {
    return (
      <FullPage>
        <Logo size="lg" />
        <QueryError error={me.error} title="Atrium can't load your account" />
        <Button onClick={() => void me.refetch()} loading={me.isFetching}>
          Try again
        </Button>
      </FullPage>
    );
  }
  return <FullPageLoader />;
}
