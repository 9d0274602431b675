import { Anchor, Group, Paper, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatRelative } from "../../lib/format";
import type { PublicPosting } from "../../lib/trpc";
import { EMPLOYMENT_LABELS, formatPlace, formatSalary } from "./posting-labels";

/** One published posting in a list of the public board. */
export function PostingCard({ posting, showEmployer }: { posting: PublicPosting; showEmployer: boolean }) {
  const salary = formatSalary(posting);
  return (
    <Paper withBorder radius="md" p="md" data-testid="public-posting">
      <Stack gap={4}>
        <Anchor component={Link} to={`/jobs/${posting.employer.slug}/${posting.id}`} fw={600}>
          {posting.title}
        </Anchor>
        {showEmployer && (
          <Anchor component={Link} to={`/jobs/${posting.employer.slug}`} size="sm" c="dimmed">
            {posting.employer.name}
          </Anchor>
        )}
        <Group gap="xs" wrap="wrap">
          <Text size="sm">{formatPlace(posting)}</Text>
          <Text size="sm" c="dimmed">
            · {EMPLOYMENT_LABELS[posting.employmentType]}
          </Text>
          {salary && (
            <Text size="sm" c="dimmed">
              · {salary}
            </Text>
          )}
        </Group>
        {posting.publishedAt && (
          <Text size="xs" c="dimmed">
            Posted {formatRelative(posting.publishedAt)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
