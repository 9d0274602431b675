import { ZResumeProfile } from "@atrium/sdk";
import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { Chips, Section } from "./result-parts";

const dates = (start: string | null, end: string | null) => (start || end ? `${start ?? "?"} – ${end ?? "?"}` : "");
const href = (link: string) => (/^https?:\/\//.test(link) ? link : `https://${link}`);

/** A résumé parsed into a profile (resume_parse), drawn the way a recruiter reads one: who, how to reach them, jobs, schools, skills. */
export function ResumeProfileResult({ result }: { result: unknown }) {
  const parsed = ZResumeProfile.safeParse(result);
  if (!parsed.success) return <Text c="dimmed">This profile could not be read.</Text>;
  const p = parsed.data;
  const contact = [p.contact.email, p.contact.phone, p.contact.location].filter((x): x is string => Boolean(x));
  const phrases = new Set(p.skillSources?.phrases ?? []);
  return (
    <Stack gap="lg" data-testid="resume-profile">
      <Stack gap={4}>
        <Title order={3} data-testid="profile-name">
          {p.contact.name ?? "Name not found"}
        </Title>
        <Text c="dimmed" data-testid="profile-headline">
          {[p.headline, p.years !== null ? `${p.years} years of experience` : null].filter(Boolean).join(" · ") || "No title found"}
        </Text>
        <Group gap="md" data-testid="profile-contact">
          {contact.map((c) => (
            <Text key={c} size="sm">
              {c}
            </Text>
          ))}
          {p.contact.links.map((l) => (
            <Anchor key={l} size="sm" href={href(l)} target="_blank" rel="noreferrer">
              {l}
            </Anchor>
          ))}
        </Group>
      </Stack>
      <Text data-testid="result-summary">{p.summary}</Text>
      <Section title="Experience">
        {p.experience.length === 0 ? (
          <Text size="sm" c="dimmed">
            No jobs found.
          </Text>
        ) : (
          <Stack gap="sm" data-testid="profile-experience">
            {p.experience.map((j, i) => (
              <Paper key={i} withBorder radius="sm" p="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text fw={600}>{j.title ?? "Role not stated"}</Text>
                    <Text size="sm" c="dimmed">
                      {[j.employer, j.location].filter(Boolean).join(", ") || "Employer not found"}
                    </Text>
                  </div>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                    {dates(j.start, j.end)}
                  </Text>
                </Group>
                {j.highlights.length > 0 && (
                  <List size="sm" mt="xs" spacing={2}>
                    {j.highlights.map((h) => (
                      <List.Item key={h}>{h}</List.Item>
                    ))}
                  </List>
                )}
              </Paper>
            ))}
          </Stack>
        )}
      </Section>
      {p.education.length > 0 && (
        <Section title="Education">
          <Stack gap={2} data-testid="profile-education">
            {p.education.map((e, i) => (
              <Text key={i} size="sm">
                {[e.degree, e.school, dates(e.start, e.end)].filter(Boolean).join(" · ")}
              </Text>
            ))}
          </Stack>
        </Section>
      )}
      <Section title="Skills">
        <Chips items={p.skills.filter((s) => !phrases.has(s))} empty="No skills from the vocabulary." testId="profile-skills" />
        {phrases.size > 0 && (
          <Group gap={6} data-testid="profile-phrases">
            <Badge variant="outline" color="gray" radius="sm" tt="none">
              In the résumé's own words:
            </Badge>
            {[...phrases].map((s) => (
              <Badge key={s} variant="light" color="grape" radius="sm" tt="none" size="lg" fw={500}>
                {s}
              </Badge>
            ))}
          </Group>
        )}
      </Section>
    </Stack>
  );
}
