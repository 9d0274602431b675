import "@mantine/core/styles/SegmentedControl.css";
import { Button, Group, NumberInput, SegmentedControl, Select, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { APPLICATION_STATUSES, type TApplicationStatus } from "@atrium/sdk";
import { FilterBar } from "../../components/filter-bar";
import { QueryState } from "../../components/query-state";
import { ApplicationBoard } from "./application-board";
import { STAGE_LABELS } from "./application-labels";
import { ApplicationsTable } from "./applications-table";
import { useApplications, type ApplicationFilters } from "./use-applications";

const STATUS_OPTIONS = APPLICATION_STATUSES.map((s) => ({ value: s, label: STAGE_LABELS[s] }));

/**
 * A posting's applications for its employer: the pipeline as a board (drag between stages, or each card's
 * "Move to" menu) and the ranking as a table with filters. Live: moves and finished matches refetch it.
 */
export function PostingApplications({ postingId, manage }: { postingId: string; manage: boolean }) {
  const [view, setView] = useState<"board" | "table">("board");
  const [status, setStatus] = useState<TApplicationStatus | null>(null);
  const [minScore, setMinScore] = useState<number | string>("");
  const [skill, setSkill] = useState("");
  const [q, setQ] = useState("");
  const [typed] = useDebouncedValue({ skill: skill.trim(), q: q.trim() }, 300);
  const filters: ApplicationFilters = {
    ...(status ? { status } : {}),
    ...(typeof minScore === "number" ? { minScore } : {}),
    ...(typed.skill ? { skill: typed.skill } : {}),
    ...(typed.q ? { q: typed.q } : {}),
  };
  // The board shows every stage at once: one big page; the table pages.
  const query = useApplications(postingId, view === "board" ? {} : filters, view === "board" ? 100 : 25);
  const active = Object.keys(filters).length > 0;
  const clear = () => (setStatus(null), setMinScore(""), setSkill(""), setQ(""));

  return (
    <Stack gap="md">
      <SegmentedControl
        w="fit-content"
        value={view}
        onChange={(v) => setView(v === "table" ? "table" : "board")}
        data={[
          { value: "board", label: "Board" },
          { value: "table", label: "Table" },
        ]}
        aria-label="Applications view"
      />
      {view === "board" ? (
        <QueryState query={query} errorTitle="Couldn't load the applications" isEmpty={() => false}>
          {(apps) => (
            <Stack gap="sm">
              <ApplicationBoard apps={apps} manage={manage} />
              {/* A page holds the best matches; the rest come on demand rather than never. */}
              {query.hasNextPage && (
                <Button variant="default" w="fit-content" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                  Load more applications
                </Button>
              )}
            </Stack>
          )}
        </QueryState>
      ) : (
        <>
          <FilterBar active={active} onClear={clear} refreshing={query.isFetching && !query.isPending}>
            <Group gap="md" wrap="wrap" align="flex-end">
              <Select label="Stage" placeholder="Any" data={STATUS_OPTIONS} value={status} onChange={(v) => setStatus(v as TApplicationStatus | null)} clearable w={150} />
              <NumberInput label="Minimum match" placeholder="0–100" min={0} max={100} value={minScore} onChange={setMinScore} w={140} />
              <TextInput label="Skill" placeholder="e.g. react" value={skill} onChange={(e) => setSkill(e.currentTarget.value)} w={160} />
              <TextInput label="Candidate" placeholder="Name or email" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={200} />
            </Group>
          </FilterBar>
          <ApplicationsTable query={query} controls={null} />
        </>
      )}
    </Stack>
  );
}
