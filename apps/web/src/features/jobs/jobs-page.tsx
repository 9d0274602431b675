import { Button, Select } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconListCheck, IconPlus } from "@tabler/icons-react";
import { PageHeader } from "../../components/page-header";
import { ListCard } from "../../components/data-table";
import { FilterBar } from "../../components/filter-bar";
import { useUrlFilters } from "../../lib/use-url-filters";
import { isJobStatus, isJobType, JOB_STATUSES, JOB_TYPE_LABELS, JOB_TYPES, STATUS_LABELS } from "./job-labels";
import { JobsTable } from "./jobs-table";
import { RunAnalysisModal } from "./run-analysis-modal";
import { FLAGS } from "@atrium/sdk";
import { useFeature } from "../flags/use-my-flags";
import { useJobs } from "./use-jobs";

const STATUS_OPTIONS = JOB_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
const FILTER_KEYS = ["status", "type"] as const;
const TYPE_OPTIONS = JOB_TYPES.map((value) => ({ value, label: JOB_TYPE_LABELS[value] }));

/** Every analysis run in the account, newest first; statuses refresh while any is still moving. */
export function JobsPage() {
  // Filters live in the URL so a filtered list can be linked to and survives a reload.
  const [params, setParams] = useUrlFilters(FILTER_KEYS);
  const status = isJobStatus(params.status) ? params.status : null;
  const type = isJobType(params.type) ? params.type : null;
  const jobs = useJobs({ status, type });
  const [creating, createDialog] = useDisclosure(false);
  // Off for this account: no way in from here (the api would answer 403 naming the flag anyway).
  const analysisOn = useFeature(FLAGS.aiAnalysis);

  const filtered = status || type;

  return (
    <>
      <PageHeader
        title="Jobs"
        description="Analyses you have run, with their status and cost. Open one to watch its timeline."
        actions={
          analysisOn && (
            <Button onClick={createDialog.open} leftSection={<IconPlus size={16} />}>
              New job
            </Button>
          )
        }
      />
      <FilterBar active={!!filtered} onClear={() => setParams({})} refreshing={jobs.isFetching && !jobs.isPending}>
        <Select placeholder="Any status" aria-label="Filter by status" data={STATUS_OPTIONS} value={status} onChange={(v) => setParams({ type, status: v })} clearable w={180} />
        <Select placeholder="Any type" aria-label="Filter by type" data={TYPE_OPTIONS} value={type} onChange={(v) => setParams({ status, type: v })} clearable w={210} />
      </FilterBar>
      <ListCard
        query={jobs}
        errorTitle="Couldn't load your jobs"
        loadingLabel="Loading jobs"
        loadingRows={5}
        loadMoreLabel="Load older jobs"
        empty={{
          icon: <IconListCheck size={28} />,
          title: filtered ? "No jobs match these filters" : "No jobs yet",
          description: filtered ? "Clear a filter to see the rest." : "Run an analysis on one of your documents; it shows up here with its status.",
          testId: "jobs-empty",
          action: !filtered && analysisOn && (
            <Button onClick={createDialog.open} leftSection={<IconPlus size={16} />}>
              New job
            </Button>
          ),
        }}
      >
        {(rows) => <JobsTable jobs={rows} />}
      </ListCard>
      <RunAnalysisModal opened={creating} onClose={createDialog.close} />
    </>
  );
}
