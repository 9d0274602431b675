import { ZResumeExtract } from "@atrium/sdk";
import { Group, Stack, Table, Text } from "@mantine/core";
import { Chips, Section } from "./result-parts";

const dates = (start: string | null, end: string | null) => (start || end ? `${start ?? "?"} – ${end ?? "?"}` : "");

/** What the analyzer read off a résumé: role and years, its sections, jobs and schools. */
export function ResumeExtract({ resume }: { resume: unknown }) {
  const parsed = ZResumeExtract.safeParse(resume);
  if (!parsed.success) return null;
  const r = parsed.data;
  return (
    <Stack gap="lg" data-testid="resume-extract">
      <Group gap="xl">
        <Section title="Role">
          <Text data-testid="resume-role">{r.role ?? "Not stated"}</Text>
        </Section>
        <Section title="Years of experience">
          <Text data-testid="resume-years">{r.years ?? "Not stated"}</Text>
        </Section>
        {r.location && (
          <Section title="Location">
            <Text data-testid="resume-location">{r.location}</Text>
          </Section>
        )}
      </Group>
      <Section title="Sections found">
        <Chips items={r.sections} color="gray" empty="No sections found." testId="resume-sections" />
      </Section>
      <Section title="Experience">
        {r.experience.length === 0 ? (
          <Text size="sm" c="dimmed">
            No jobs found.
          </Text>
        ) : (
          <Table withTableBorder data-testid="resume-experience">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th>Employer</Table.Th>
                <Table.Th>Place</Table.Th>
                <Table.Th>Dates</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.experience.map((j, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{j.title ?? "—"}</Table.Td>
                  <Table.Td>{j.employer ?? "—"}</Table.Td>
                  <Table.Td>{j.location ?? "—"}</Table.Td>
                  <Table.Td>{dates(j.start, j.end) || "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      {r.education.length > 0 && (
        <Section title="Education">
          <Stack gap={2} data-testid="resume-education">
            {r.education.map((e, i) => (
              <Text key={i} size="sm">
                {[e.degree, e.school, dates(e.start, e.end)].filter(Boolean).join(" · ")}
              </Text>
            ))}
          </Stack>
        </Section>
      )}
    </Stack>
  );
}
