import { Anchor, Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { Link, useParams } from "react-router";
import { QueryState } from "../../components/query-state";
import { formatDateTime } from "../../lib/format";
import { useMe } from "../auth/use-me";
import { PostingBody } from "./posting-body";
import { PublicLayout } from "./public-layout";
import { usePublicPosting } from "./use-postings";

/**
 * A published posting, signed in or out. "Apply" opens the application page; a signed-out
 * visitor signs in (or up) first and comes back to it.
 */
export function PublicPostingPage() {
  const { accountSlug = "", postingId = "" } = useParams();
  const posting = usePublicPosting(accountSlug, postingId);
  const me = useMe();
  const applyPath = `/jobs/${accountSlug}/${postingId}/apply`;
  return (
    <PublicLayout>
      <QueryState query={posting} errorTitle="This posting isn't available" loadingLabel="Loading the posting">
        {(p) => (
          <Stack gap="lg">
            <Breadcrumbs>
              <Anchor component={Link} to="/jobs/search" size="sm">
                All jobs
              </Anchor>
              <Anchor component={Link} to={`/jobs/${p.employer.slug}`} size="sm">
                {p.employer.name}
              </Anchor>
            </Breadcrumbs>
            <Group justify="space-between" align="flex-end" wrap="wrap">
              <Stack gap={4}>
                <Title order={2}>{p.title}</Title>
                <Text c="dimmed">
                  {p.employer.name}
                  {p.publishedAt ? ` · posted ${formatDateTime(p.publishedAt)}` : ""}
                </Text>
              </Stack>
              {me.data ? (
                <Button component={Link} to={applyPath} leftSection={<IconSend size={16} />}>
                  Apply
                </Button>
              ) : (
                <Button component={Link} to="/login" state={{ from: applyPath }} leftSection={<IconSend size={16} />}>
                  Sign in to apply
                </Button>
              )}
            </Group>
            <Paper withBorder radius="md" p="lg">
              <PostingBody posting={p} />
            </Paper>
          </Stack>
        )}
      </QueryState>
    </PublicLayout>
  );
}
