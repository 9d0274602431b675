import { Stack, Title } from "@mantine/core";
import { IconCalendarEvent } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { PageHeader } from "../../components/page-header";
import { QueryState, type QueryLike } from "../../components/query-state";
import { isLive } from "./interview-labels";

type Listed = { id: string; status: string; startsAt: string; durationMinutes: number };

interface InterviewListPageProps<T extends Listed> {
  title: string;
  description: string;
  query: QueryLike<T[]>;
  empty: { title: string; description: string; testId: string };
  card: (interview: T) => ReactNode;
  /** Beside the title (the employer picker). */
  actions?: ReactNode;
}

/** Still to come: live and not yet over (an interview in progress counts until its end). */
const upcoming = (i: Listed, now: number) => isLive(i) && new Date(i.startsAt).getTime() + i.durationMinutes * 60_000 > now;

/**
 * A page of someone's interviews (the candidate's across employers, an interviewer's own): the upcoming
 * ones soonest first, then past and cancelled ones newest first. The api lists them soonest first.
 */
export function InterviewListPage<T extends Listed>({ title, description, query, empty, card, actions }: InterviewListPageProps<T>) {
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      <QueryState query={query} errorTitle="Couldn't load your interviews" loadingLabel="Loading interviews" empty={{ icon: <IconCalendarEvent size={28} />, ...empty }}>
        {(items) => {
          const now = Date.now();
          const next = items.filter((i) => upcoming(i, now));
          const past = items.filter((i) => !upcoming(i, now)).reverse();
          return (
            <Stack gap="sm">
              {next.map(card)}
              {past.length > 0 && (
                <Title order={3} size="h4" mt="md">
                  Past and cancelled
                </Title>
              )}
              {past.map(card)}
            </Stack>
          );
        }}
      </QueryState>
    </>
  );
}
