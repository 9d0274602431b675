import { Center, Loader, Stack } from "@mantine/core";
import type { ReactNode } from "react";

/** Centers content in the whole viewport: boot loaders, the login card, fatal errors. */
export function FullPage({ children }: { children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Stack w="100%" maw={420}>
        {children}
      </Stack>
    </Center>
  );
}

export function FullPageLoader() {
  return (
    <Center mih="100vh">
      <Loader aria-label="Loading" />
    </Center>
  );
}
