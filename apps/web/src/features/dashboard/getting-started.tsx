import { Anchor, Group, List, Paper, Progress, Skeleton, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCheck, IconCircleDashed } from "@tabler/icons-react";
import { Link } from "react-router";
import { useApiKeys } from "../api-keys/use-api-keys";
import { useCurrentUser } from "../auth/current-user";
import { useAnyCredit, useRecentDocuments, useRecentJobs } from "./use-dashboard";

interface Step {
  key: string;
  label: string;
  hint: string;
  to: string;
  /** undefined while loading; null when this user can't read it (a viewer and the ledger, say): the step is left out. */
  done: boolean | undefined | null;
}

/** A step's state from the query that proves it. */
function doneBy<T>(query: { data: T | undefined; isError: boolean }, test: (data: T) => boolean): boolean | undefined | null {
  if (query.isError) return null;
  return query.data === undefined ? undefined : test(query.data);
}

/**
 * A new account's first steps, each ticked from real data (the address confirmed, a credit
 * in the ledger, a document, a job, an API key); the card goes away once all are done.
 */
export function GettingStarted() {
  const { user } = useCurrentUser();
  const credit = useAnyCredit();
  const documents = useRecentDocuments();
  const jobs = useRecentJobs();
  const keys = useApiKeys();
  const all: Step[] = [
    { key: "verify-email", label: "Confirm your email address", hint: "Open the link we emailed you (or resend it from your profile).", to: "/profile", done: !!user.emailVerifiedAt },
    { key: "top-up", label: "Top up your balance", hint: "Jobs are paid from a prepaid balance.", to: "/billing", done: doneBy(credit, (any) => any) },
    { key: "upload", label: "Upload a document", hint: "A resume, a job description or a worklog.", to: "/documents", done: doneBy(documents, (d) => d.items.length > 0) },
    { key: "analyze", label: "Run an analysis", hint: "Open a document and press Run analysis.", to: "/documents", done: doneBy(jobs, (j) => j.items.length > 0) },
    { key: "api-key", label: "Create an API key", hint: "For scripts, the SDK and the atrium CLI.", to: "/api-keys", done: doneBy(keys, (k) => k.length > 0) },
  ];
  const steps = all.filter((s) => s.done !== null);
  const loading = steps.some((s) => s.done === undefined);
  const doneCount = steps.filter((s) => s.done).length;
  if (!loading && doneCount === steps.length) return null;

  return (
    <Paper withBorder radius="md" p="lg" data-testid="getting-started">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Getting started</Title>
        {!loading && (
          <Text size="sm" c="dimmed">
            {doneCount} of {steps.length} done
          </Text>
        )}
      </Group>
      {loading ? (
        <Skeleton h={140} aria-label="Loading your checklist" />
      ) : (
        <>
          <Progress value={(doneCount / steps.length) * 100} mb="md" size="sm" aria-label="Getting started progress" />
          <List spacing="sm" center>
            {steps.map((s) => (
              <List.Item
                key={s.key}
                data-testid="checklist-item"
                data-step={s.key}
                data-done={s.done ? "true" : "false"}
                icon={
                  <ThemeIcon color={s.done ? "teal" : "gray"} variant={s.done ? "filled" : "light"} size={22} radius="xl">
                    {s.done ? <IconCheck size={14} /> : <IconCircleDashed size={14} />}
                  </ThemeIcon>
                }
              >
                {s.done ? (
                  <Text size="sm" c="dimmed" td="line-through">
                    {s.label}
                  </Text>
                ) : (
                  <>
                    <Anchor component={Link} to={s.to} size="sm" fw={500}>
                      {s.label}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {s.hint}
                    </Text>
                  </>
                )}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Paper>
  );
}
