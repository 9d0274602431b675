import { EmployerInterviewCard } from "./application-interviews";
import { InterviewListPage } from "./interview-list";
import { useMyInterviews } from "./use-interviews";

/** "My interviews": what the signed-in interviewer sits on next, with their feedback form one click away. */
export function MyInterviewsPage() {
  return (
    <InterviewListPage
      title="My interviews"
      description="Upcoming interviews you sit on. Write your feedback on each after it."
      query={useMyInterviews()}
      empty={{ title: "No upcoming interviews", description: "When a recruiter puts you on an interview, it shows here.", testId: "my-interviews-empty" }}
      card={(i) => <EmployerInterviewCard key={i.id} interview={i} heading={`${i.postingTitle} · ${i.candidate.displayName ?? i.candidate.username}`} />}
    />
  );
}
