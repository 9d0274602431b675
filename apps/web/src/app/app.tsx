import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { RouterProvider } from "react-router/dom";
import { queryClient } from "../lib/query-client";
import { router } from "./router";
import { cssVariablesResolver, theme } from "./theme";

// The toast container (and the popover/scroll-lock code it pulls in) is not needed to paint the first page;
// notifications.show() queues in Mantine's store meanwhile and the container shows them once it mounts.
const Notifications = lazy(() => import("@mantine/notifications").then((m) => ({ default: m.Notifications })));

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      {/* Bottom: toasts at the top would cover the status dot and the user menu. */}
      <Suspense fallback={null}>
        <Notifications position="bottom-right" />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
