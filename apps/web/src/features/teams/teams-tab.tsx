import { Button, Card, EmptyState, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconChevronRight, IconPlus, IconUsersGroup } from "@tabler/icons-react";
import { Link } from "react-router";
import { LoadMore } from "../../components/load-more";
import { ListSkeleton } from "../../components/list-skeleton";
import { QueryState } from "../../components/query-state";
import { formatRelative } from "../../lib/format";
import type { Organization } from "../../lib/trpc";
import { useCurrentUser } from "../auth/current-user";
import { atLeast } from "../organizations/roles";
import { CreateTeamModal } from "./create-team-modal";
import { useTeams } from "./use-teams";

export function TeamsTab({ organization }: { organization: Organization }) {
  const { user } = useCurrentUser();
  const teams = useTeams(organization.id);
  const [creating, createDialog] = useDisclosure(false);
  const canCreate = atLeast(organization.role, "member", user.isStaff);
  const createButton = canCreate && (
    <Button leftSection={<IconPlus size={16} />} onClick={createDialog.open}>
      Create team
    </Button>
  );

  return (
    <Stack>
      {createButton && teams.isSuccess && teams.data.length > 0 && <Group justify="flex-end">{createButton}</Group>}
      <QueryState
        query={teams}
        errorTitle="Couldn't load the teams"
        loading={
          <Paper withBorder radius="md">
            <ListSkeleton label="Loading teams" />
          </Paper>
        }
        empty={
          <Paper withBorder radius="md">
            <EmptyState py="xl" icon={<IconUsersGroup size={28} />} variant="light" title="No teams yet" description="Teams group members of the organization around a piece of work.">
              {createButton && <EmptyState.Actions>{createButton}</EmptyState.Actions>}
            </EmptyState>
          </Paper>
        }
      >
        {(rows) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {rows.map((team) => (
                <Card key={team.id} withBorder radius="md" padding="lg" component={Link} to={`/organizations/${organization.id}/teams/${team.id}`} data-testid="team-card">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Group gap="sm" wrap="nowrap" miw={0}>
                      <ThemeIcon variant="light" size="lg" radius="md">
                        <IconUsersGroup size={20} />
                      </ThemeIcon>
                      <Stack gap={0} miw={0}>
                        <Text fw={600} truncate="end">
                          {team.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          Created {formatRelative(team.createdAt)}
                        </Text>
                      </Stack>
                    </Group>
                    <IconChevronRight size={18} stroke={1.5} color="var(--mantine-color-dimmed)" />
                  </Group>
                  <Text size="sm" c="dimmed" mt="sm" lineClamp={2}>
                    {team.description || "No description"}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
            <LoadMore {...teams} />
          </>
        )}
      </QueryState>
      <CreateTeamModal organizationId={organization.id} opened={creating} onClose={createDialog.close} />
    </Stack>
  );
}
