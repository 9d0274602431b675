import { Text } from "@mantine/core";
import { IconBriefcase } from "@tabler/icons-react";
import { PageHeader } from "../../components/page-header";
import { PostingList } from "./posting-list";
import { PublicLayout } from "./public-layout";
import { useEmployerBoard } from "./use-postings";

/** One employer's public job board: their published postings, newest first. */
export function EmployerBoardPage({ accountSlug }: { accountSlug: string }) {
  const board = useEmployerBoard(accountSlug);
  const employer = board.data?.employer;
  const query = { ...board, data: board.data?.items };
  return (
    <PublicLayout>
      <PageHeader title={employer ? `Jobs at ${employer.name}` : "Job board"} description={<Text c="dimmed">{employer ? "Open roles, newest first." : "This employer's open roles."}</Text>} />
      <PostingList
        query={query}
        showEmployer={false}
        errorTitle="Couldn't load this job board"
        empty={{ icon: <IconBriefcase size={28} />, title: "No open roles right now", description: "This employer has no published postings. Check back later.", testId: "board-empty" }}
      />
    </PublicLayout>
  );
}
