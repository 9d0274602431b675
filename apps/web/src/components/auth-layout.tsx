import { Paper, Stack, Text, Title } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { FullPage } from "./full-page";
import { Logo } from "./logo";

interface AuthLayoutProps {
  title: string;
  children: ReactNode;
  /** Under the card: links to the other signed-out pages. */
  footer?: ReactNode;
  onSubmit?: (event: FormEvent) => void;
}

/** The signed-out pages' frame: logo, one card (a form when onSubmit is given), links below. */
export function AuthLayout({ title, children, footer, onSubmit }: AuthLayoutProps) {
  return (
    <FullPage>
      <Stack align="center" gap="xs" mb="md">
        <Logo size="lg" />
        <Text c="dimmed">The platform your product runs on</Text>
      </Stack>
      <Paper component={onSubmit ? "form" : "div"} onSubmit={onSubmit} noValidate withBorder shadow="sm" p="xl" radius="md">
        <Stack>
          <Title order={3}>{title}</Title>
          {children}
        </Stack>
      </Paper>
      {footer}
    </FullPage>
  );
}
