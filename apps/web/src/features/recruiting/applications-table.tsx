import { Anchor, Badge, Group, Text } from "@mantine/core";
import { IconUsers } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { TApplication } from "@atrium/sdk";
import { DataTable, type Column } from "../../components/data-table";
import { DateCell } from "../../components/date-cell";
import { scoreLabel, STAGE_COLORS, STAGE_LABELS } from "./application-labels";
import type { useApplications } from "./use-applications";

const skills = (list: string[], color: string) =>
  list.length ? (
    <Group gap={4}>
      {list.slice(0, 6).map((s) => (
        <Badge key={s} size="xs" variant="light" color={color} tt="none">
          {s}
        </Badge>
      ))}
      {list.length > 6 && <Text size="xs" c="dimmed">{`+${list.length - 6}`}</Text>}
    </Group>
  ) : (
    <Text size="xs" c="dimmed">
      —
    </Text>
  );

const COLUMNS: Column<TApplication>[] = [
  { header: "#", th: { w: 40 }, cell: () => null },
  {
    header: "Candidate",
    cell: (a) => (
      <>
        <Anchor component={Link} to={`/recruiting/applications/${a.id}`} fw={500} size="sm">
          {a.candidateName}
        </Anchor>
        <Text size="xs" c="dimmed">
          {a.candidateEmail}
        </Text>
      </>
    ),
  },
  {
    header: "Match",
    th: { w: 90, ta: "right" },
    td: (a) => ({ ta: "right", "data-testid": "match-score", title: a.match.error ?? undefined }),
    cell: (a) => (
      <Text size="sm" fw={600} style={{ fontVariantNumeric: "tabular-nums" }}>
        {scoreLabel(a.match)}
      </Text>
    ),
  },
  { header: "Matched skills", cell: (a) => skills(a.match.matchedSkills, "teal") },
  { header: "Missing skills", cell: (a) => skills(a.match.missingSkills, "orange") },
  {
    header: "Stage",
    th: { w: 110 },
    cell: (a) => (
      <Badge variant="light" color={STAGE_COLORS[a.status]}>
        {STAGE_LABELS[a.status]}
      </Badge>
    ),
  },
  { header: "Applied", th: { w: 130 }, cell: (a) => <DateCell iso={a.appliedAt} /> },
];

/** The ranking: best match first (unscored last), with the skills the match found and missed. */
export function ApplicationsTable({ query, controls }: { query: ReturnType<typeof useApplications>; controls: ReactNode }) {
  const columns = COLUMNS.map((c, i) => (i === 0 ? { ...c, cell: (a: TApplication) => <Text size="sm" c="dimmed">{(query.data?.indexOf(a) ?? 0) + 1}</Text> } : c));
  return (
    <DataTable
      query={query}
      title="Ranked by résumé match"
      controls={controls}
      errorTitle="Couldn't load the applications"
      empty={{ icon: <IconUsers size={28} />, title: "No applications", description: "Nobody matches these filters yet." }}
      columns={columns}
      rowKey={(a) => a.id}
      rowProps={(a) => ({ "data-testid": "application-row", "data-status": a.status })}
      minWidth={900}
    />
  );
}
