// Container is used only by these public pages: its styles load with them (see app/styles.ts).
import "@mantine/core/styles/Container.css";
import { Anchor, Box, Button, Container, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { Logo } from "../../components/logo";
import { useMe } from "../auth/use-me";

/**
 * The public job board's frame: it works signed out (no shell, no event stream). Signed-out
 * visitors get "Sign in" / "Sign up", which bring them back to the page they were on.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const back = { from: location.pathname + location.search };
  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Box component="header" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
        <Container size="md" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/jobs/search" underline="never" c="inherit" aria-label="Atrium jobs">
              <Logo />
            </Anchor>
            {me.data ? (
              <Button component={Link} to="/" variant="default" size="sm">
                Open Atrium
              </Button>
            ) : (
              <Group gap="xs" wrap="nowrap">
                <Button component={Link} to="/login" state={back} variant="default" size="sm">
                  Sign in
                </Button>
                <Button component={Link} to="/signup" state={back} size="sm">
                  Sign up
                </Button>
              </Group>
            )}
          </Group>
        </Container>
      </Box>
      <Container size="md" py="lg" component="main" id="main" tabIndex={-1}>
        {children}
      </Container>
    </Box>
  );
}
