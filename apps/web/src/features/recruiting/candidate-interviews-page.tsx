import { Stack, Title } from "@mantine/core";
import { IconCalendarEvent } from "@tabler/icons-react";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/query-state";
import { CandidateInterviewCard } from "./candidate-interview-card";
import { isLive } from "./interview-labels";
import { useCandidateInterviews } from "./use-interviews";

/** The candidate's interviews across employers: upcoming ones to confirm first, then the rest. */
export function CandidateInterviewsPage() {
  const interviews = useCandidateInterviews();
  return (
    <>
      <PageHeader title="Your interviews" description="Confirm each interview so the employer knows you will be there. Changes show here at once." />
      <QueryState
        query={interviews}
        errorTitle="Couldn't load your interviews"
        loadingLabel="Loading interviews"
        empty={{ icon: <IconCalendarEvent size={28} />, title: "No interviews yet", description: "When an employer schedules one, it shows here and you get an email.", testId: "candidate-interviews-empty" }}
      >
        {(items) => {
          const now = Date.now();
          const upcoming = items.filter((i) => isLive(i) && new Date(i.startsAt).getTime() + i.durationMinutes * 60_000 > now);
          const past = items.filter((i) => !upcoming.includes(i)).reverse();
          return (
            <Stack gap="sm">
              {upcoming.map((i) => (
                <CandidateInterviewCard key={i.id} interview={i} showPosting />
              ))}
              {past.length > 0 && (
                <Title order={4} mt="md">
                  Past and cancelled
                </Title>
              )}
              {past.map((i) => (
                <CandidateInterviewCard key={i.id} interview={i} showPosting />
              ))}
            </Stack>
          );
        }}
      </QueryState>
    </>
  );
}
