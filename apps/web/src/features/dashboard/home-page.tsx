import { Card, Group, SimpleGrid, Text, ThemeIcon, Title } from "@mantine/core";
import { IconBook, IconBuildingCommunity, IconFiles, IconKey, IconListCheck, IconUser, type Icon } from "@tabler/icons-react";
import { Link } from "react-router";
import { useCurrentUser } from "../auth/current-user";
import { displayName } from "../auth/use-me";

interface Shortcut {
  title: string;
  text: string;
  icon: Icon;
  to?: string;
  href?: string;
}

const SHORTCUTS: Shortcut[] = [
  { title: "Documents", text: "Upload resumes, job descriptions and worklogs.", icon: IconFiles, to: "/documents" },
  { title: "Jobs", text: "Run analyses and watch them step by step.", icon: IconListCheck, to: "/jobs" },
  { title: "Your organization", text: "Members, invitations and teams.", icon: IconBuildingCommunity, to: "/org" },
  { title: "Your profile", text: "Your details and your password.", icon: IconUser, to: "/profile" },
  { title: "API keys", text: "Create keys for scripts, the SDK and curl.", icon: IconKey, to: "/api-keys" },
  { title: "API reference", text: "Every procedure as REST, with Swagger UI.", icon: IconBook, href: "/api/docs" },
];

function ShortcutCard({ title, text, icon: ShortcutIcon, to, href }: Shortcut) {
  const body = (
    <>
      <ThemeIcon variant="light" size="lg" radius="md" mb="sm">
        <ShortcutIcon size={20} />
      </ThemeIcon>
      <Text fw={600}>{title}</Text>
      <Text size="sm" c="dimmed">
        {text}
      </Text>
    </>
  );
  // A router link inside the app; a plain link to pages the api serves.
  return to ? (
    <Card withBorder radius="md" padding="lg" component={Link} to={to}>
      {body}
    </Card>
  ) : (
    <Card withBorder radius="md" padding="lg" component="a" href={href} target="_blank">
      {body}
    </Card>
  );
}

export function HomePage() {
  const { user, account } = useCurrentUser();
  return (
    <>
      <Group mb="xl">
        <div>
          {/* "back" only once there was a sign-in before this one. */}
          <Title order={2} data-testid="welcome">
            {user.previousLoginAt ? "Welcome back" : "Welcome"}, {displayName(user)}
          </Title>
          <Text c="dimmed" mt={4}>
            {account ? (
              <>
                You are working in the{" "}
                <Text span fw={600} c="var(--mantine-color-text)">
                  {account.name}
                </Text>{" "}
                account.
              </>
            ) : (
              "You don't belong to an account yet."
            )}
          </Text>
        </div>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {SHORTCUTS.map((s) => (
          <ShortcutCard key={s.title} {...s} />
        ))}
      </SimpleGrid>
    </>
  );
}
