import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import type { Posting, PublicPosting } from "../../lib/trpc";
import { EMPLOYMENT_LABELS, formatPlace, formatSalary } from "./posting-labels";

/** A posting as candidates read it: facts, description, skills. Shared by the HR view and the public board. */
export function PostingBody({ posting }: { posting: Posting | PublicPosting }) {
  const salary = formatSalary(posting);
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color="blue" tt="none">
          {EMPLOYMENT_LABELS[posting.employmentType]}
        </Badge>
        <Badge variant="light" color="gray" tt="none">
          {formatPlace(posting)}
        </Badge>
        {salary && (
          <Badge variant="light" color="teal" tt="none">
            {salary}
          </Badge>
        )}
      </Group>
      <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{posting.description}</Text>
      <SkillList title="Required skills" skills={posting.requiredSkills} color="indigo" />
      <SkillList title="Nice to have" skills={posting.niceToHaveSkills} color="gray" />
    </Stack>
  );
}

function SkillList({ title, skills, color }: { title: string; skills: string[]; color: string }) {
  if (skills.length === 0) return null;
  return (
    <Stack gap={6}>
      <Title order={4}>{title}</Title>
      <Group gap={6} wrap="wrap">
        {skills.map((s) => (
          <Badge key={s} variant="outline" color={color} tt="none" radius="sm">
            {s}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}
