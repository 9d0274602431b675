import { Anchor, Breadcrumbs, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useRecruitingManage } from "./use-recruiting-manage";
import { PostingApplications } from "./posting-applications";

/** `/recruiting/postings/:postingId/applications`: the board and the ranking on a page of their own (a deep link). */
export function PostingApplicationsPage() {
  const { postingId = "" } = useParams();
  const manage = useRecruitingManage();
  return (
    <>
      <Breadcrumbs mb="md">
        <Anchor component={Link} to={`/recruiting/postings/${postingId}`} size="sm">
          Posting
        </Anchor>
        <Text size="sm">Applications</Text>
      </Breadcrumbs>
      <Title order={2} mb="lg">
        Applications
      </Title>
      <PostingApplications postingId={postingId} manage={manage} />
    </>
  );
}
