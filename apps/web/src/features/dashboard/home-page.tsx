import { Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useCurrentUser } from "../auth/current-user";
import { displayName } from "../auth/use-me";
import { GettingStarted } from "./getting-started";
import { BalanceSummary, RecentDocuments, RecentJobs } from "./recent-cards";

/** The first screen: who and where you are, what's left to set up, your money and your latest work. */
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
      <Stack gap="lg">
        {account && <GettingStarted />}
        {account && (
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <BalanceSummary />
            <RecentJobs />
            <RecentDocuments />
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}
