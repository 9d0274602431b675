import { CandidateInterviewCard } from "./candidate-interview-card";
import { InterviewListPage } from "./interview-list";
import { useCandidateInterviews } from "./use-interviews";

/** The candidate's interviews across employers: upcoming ones to confirm first, then the rest. */
export function CandidateInterviewsPage() {
  const upcoming = useCandidateInterviews({ when: "upcoming" });
  const past = useCandidateInterviews({ when: "past" });
  return (
    <InterviewListPage
      title="Your interviews"
      description="Confirm each interview so the employer knows you will be there. Changes show here at once."
      upcoming={upcoming}
      past={past}
      empty={{ title: "No interviews yet", description: "When an employer schedules one, it shows here and you get an email.", testId: "candidate-interviews-empty" }}
      card={(i) => <CandidateInterviewCard key={i.id} interview={i} showPosting />}
    />
  );
}
