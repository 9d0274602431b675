import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState } from "react";
import { RouterProvider } from "react-router/dom";
import { onFirstNotification } from "../lib/notify";
import { queryClient } from "../lib/query-client";
import { router } from "./router";
import { cssVariablesResolver, theme } from "./theme";

// The toast container (and the popover/scroll-lock code it pulls in) is not needed to paint a page: it is
// fetched with the first toast (lib/notify.ts), which waits in Mantine's store until the container mounts.
const Notifications = lazy(() => import("./toasts").then((m) => ({ default: m.Notifications })));

export function App() {
  const [toasts, setToasts] = useState(false);
  useEffect(() => onFirstNotification(() => setToasts(true)), []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      {/* Bottom: toasts at the top would cover the status dot and the user menu. */}
      {toasts && (
        <Suspense fallback={null}>
          <Notifications position="bottom-right" />
        </Suspense>
      )}
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
