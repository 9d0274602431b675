import { Text } from "@mantine/core";
import type { Job } from "../../lib/trpc";
import { jobSubject } from "./job-event-labels";

/** The second line of a job in a list: what it ran on, by name (a deleted document says so). */
export function JobSubject({ job }: { job: Pick<Job, "documents"> }) {
  const subject = jobSubject(job);
  if (!subject) return null;
  return (
    <Text size="xs" c="dimmed" lineClamp={1} title={subject} data-testid="job-subject">
      {subject}
    </Text>
  );
}
