import { ZMatchBreakdown, type TSkillGroup } from "@atrium/sdk";
import { Badge, Group, Progress, Stack, Table, Text } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import { BadgeRow, Section } from "./result-parts";

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** One requirement: the skill that satisfied it ("Go", for "Go or Java"), or what is missing. */
function GroupBadge({ group }: { group: TSkillGroup }) {
  const alternatives = group.anyOf.length > 1 ? group.anyOf.join(" or ") : null;
  const matched = group.matchedBy !== null;
  return (
    <Badge
      variant="light"
      color={matched ? "teal" : "red"}
      radius="sm"
      tt="none"
      size="lg"
      fw={500}
      leftSection={matched ? <IconCheck size={12} /> : <IconX size={12} />}
      data-matched={matched}
    >
      {matched ? `${group.matchedBy}${alternatives ? ` (for ${alternatives})` : ""}` : (alternatives ?? group.anyOf[0])}
    </Badge>
  );
}

function Groups({ groups, empty, testId }: { groups: TSkillGroup[]; empty: string; testId: string }) {
  return (
    <BadgeRow count={groups.length} empty={empty} testId={testId}>
      {groups.map((g) => (
        <GroupBadge key={g.anyOf.join("|")} group={g} />
      ))}
    </BadgeRow>
  );
}

/**
 * How the local analyzer reached the score: each part's value, weight and
 * points (they add up to the score), which requirement each skill satisfied,
 * and years asked vs found. Absent for an LLM's answer, which has no parts.
 */
export function MatchBreakdown({ breakdown }: { breakdown: unknown }) {
  const parsed = ZMatchBreakdown.safeParse(breakdown);
  if (!parsed.success) return null;
  const b = parsed.data;
  const required = b.required.filter((g) => g.matchedBy).length;
  const nice = b.niceToHave.filter((g) => g.matchedBy).length;
  return (
    <Stack gap="lg" data-testid="match-breakdown">
      <Section title="How the score is made">
        <Table withTableBorder data-testid="score-parts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Part</Table.Th>
              <Table.Th>Found</Table.Th>
              <Table.Th w={140}>Value</Table.Th>
              <Table.Th>Weight</Table.Th>
              <Table.Th>Points</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {b.parts.map((p) => (
              <Table.Tr key={p.key} data-testid="score-part" data-part={p.key}>
                <Table.Td>{p.label}</Table.Td>
                <Table.Td>{p.detail}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Progress value={p.value * 100} w={70} size="sm" />
                    <Text size="sm">{pct(p.value)}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>{pct(p.weight)}</Table.Td>
                <Table.Td>{p.points.toFixed(1)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" data-testid="score-formula">
          {b.formula}
        </Text>
      </Section>
      <Section title={`Required (${required} of ${b.required.length})`}>
        <Groups groups={b.required} empty="The posting names no required skills." testId="required-groups" />
      </Section>
      <Section title={`Nice to have (${nice} of ${b.niceToHave.length})`}>
        <Groups groups={b.niceToHave} empty="The posting names no nice-to-have skills." testId="nice-groups" />
      </Section>
      <Section title="Years of experience">
        <Text size="sm" data-testid="match-years">
          {b.years.required === null ? "The posting asks for no minimum." : `${b.years.required}+ required`}
          {" · "}
          {b.years.found === null ? "none found in the résumé" : `${b.years.found} found in the résumé`}
        </Text>
      </Section>
    </Stack>
  );
}
