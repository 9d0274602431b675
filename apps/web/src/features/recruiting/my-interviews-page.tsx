import { Stack } from "@mantine/core";
import { IconCalendarEvent } from "@tabler/icons-react";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/query-state";
import { EmployerInterviewCard } from "./application-interviews";
import { useMyInterviews } from "./use-interviews";

/** "My interviews": what the signed-in interviewer sits on next, with their feedback form one click away. */
export function MyInterviewsPage() {
  const interviews = useMyInterviews();
  return (
    <>
      <PageHeader title="My interviews" description="Upcoming interviews you sit on. Write your feedback on each after it." />
      <QueryState
        query={interviews}
        errorTitle="Couldn't load your interviews"
        loadingLabel="Loading interviews"
        empty={{ icon: <IconCalendarEvent size={28} />, title: "No upcoming interviews", description: "When a recruiter puts you on an interview, it shows here.", testId: "my-interviews-empty" }}
      >
        {(items) => (
          <Stack gap="sm">
            {items.map((i) => (
              <EmployerInterviewCard key={i.id} interview={i} heading={`${i.postingTitle} · ${i.candidate.displayName ?? i.candidate.username}`} />
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
