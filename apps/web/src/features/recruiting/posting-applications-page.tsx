import { Title } from "@mantine/core";
import { useParams } from "react-router";
import { Crumbs } from "./crumbs";
import { PostingApplications } from "./posting-applications";
import { usePosting } from "./use-postings";
import { useRecruitingAccess } from "./use-recruiting-access";

/** `/recruiting/postings/:postingId/applications`: the board and the ranking on a page of their own (a deep link). */
export function PostingApplicationsPage() {
  const { postingId = "" } = useParams();
  const posting = usePosting(postingId);
  // The posting's own employer decides, not the one the portal shows (someone may recruit for several).
  const manage = useRecruitingAccess().rightsIn(posting.data?.accountId ?? "").manage;
  return (
    <>
      <Crumbs to={`/recruiting/postings/${postingId}`} label={posting.data?.title ?? "Posting"} current="Applications" />
      <Title order={2} mb="lg">
        Applications
      </Title>
      <PostingApplications postingId={postingId} manage={manage} />
    </>
  );
}
