import { Button, Code, EmptyState, Group } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { FullPage } from "../components/full-page";
import { isChunkLoadError, reloadOnceForChunkError } from "./chunk-reload";
import { NotFoundPage } from "./not-found-page";

/**
 * What any route shows when it throws, instead of the router's developer
 * screen: a friendly page with a reload button. A lazy chunk of an older
 * deploy that is gone reloads the page once by itself.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const chunk = isChunkLoadError(error);
  const [reloading, setReloading] = useState(false);
  useEffect(() => {
    if (chunk) setReloading(reloadOnceForChunkError());
  }, [chunk]);
  useEffect(() => {
    if (!chunk) console.error(error);
  }, [chunk, error]);

  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (reloading) return null;
  return (
    <FullPage>
      <EmptyState
        py={40}
        icon={<IconRefresh size={28} />}
        variant="light"
        title={chunk ? "A new version of Atrium is available" : "Something went wrong"}
        description={chunk ? "Part of this page couldn't be loaded, probably because Atrium was just updated. Reloading fetches the current version." : "This page hit an unexpected error. Reloading usually fixes it; if not, try again in a moment."}
        data-testid="route-error"
      >
        <EmptyState.Actions>
          <Group justify="center">
            <Button leftSection={<IconRefresh size={16} />} onClick={() => window.location.reload()}>
              Reload
            </Button>
            <Button variant="default" component="a" href="/">
              Go to the dashboard
            </Button>
          </Group>
        </EmptyState.Actions>
      </EmptyState>
      {import.meta.env.DEV && error instanceof Error && <Code block>{error.stack ?? error.message}</Code>}
    </FullPage>
  );
}
