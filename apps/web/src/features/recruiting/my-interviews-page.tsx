import { ForbiddenPage } from "../../components/forbidden-page";
import { EmployerInterviewCard } from "./application-interviews";
import { EmployerPicker } from "./employer-picker";
import { InterviewListPage } from "./interview-list";
import { useMyInterviews } from "./use-interviews";
import { useRecruitingAccess } from "./use-recruiting-access";

/** "My interviews": what the signed-in interviewer sits on next at the portal's employer, with their feedback form one click away. */
export function MyInterviewsPage() {
  const access = useRecruitingAccess();
  const interviews = useMyInterviews(access.account?.id);
  if (!access.loading && !access.read) {
    return <ForbiddenPage title="Recruiting is for your hiring team" description="Ask an admin of your account for the recruiter or hiring manager role." />;
  }
  return (
    <InterviewListPage
      title="My interviews"
      description={`Upcoming interviews you sit on${access.accounts.length > 1 && access.account ? ` for ${access.account.name}` : ""}. Write your feedback on each after it.`}
      actions={<EmployerPicker access={access} />}
      upcoming={interviews}
      empty={{ title: "No upcoming interviews", description: "When a recruiter puts you on an interview, it shows here.", testId: "my-interviews-empty" }}
      card={(i) => <EmployerInterviewCard key={i.id} interview={i} heading={`${i.postingTitle} · ${i.candidate.displayName ?? i.candidate.username}`} />}
    />
  );
}
