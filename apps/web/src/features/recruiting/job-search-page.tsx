import { Select, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconBriefcase, IconMapPin, IconSearch } from "@tabler/icons-react";
import { FilterBar } from "../../components/filter-bar";
import { PageHeader } from "../../components/page-header";
import { useUrlFilters } from "../../lib/use-url-filters";
import { EMPLOYMENT_OPTIONS, isEmploymentType } from "./posting-labels";
import { PostingList } from "./posting-list";
import { PublicLayout } from "./public-layout";
import { useJobSearch } from "./use-postings";

const KEYS = ["q", "location", "remote", "type"] as const;
const REMOTE_OPTIONS = [
  { value: "true", label: "Remote" },
  { value: "false", label: "On site" },
];

/** Every employer's published postings: words, a place, remote or not, the kind of contract. Signed in or out. */
export function JobSearchPage() {
  const [params, setParams] = useUrlFilters(KEYS);
  const [q] = useDebouncedValue(params.q ?? "", 300);
  const [location] = useDebouncedValue(params.location ?? "", 300);
  const remote = params.remote === "true" ? true : params.remote === "false" ? false : null;
  const type = isEmploymentType(params.type) ? params.type : null;
  const results = useJobSearch({ q: q.trim(), location: location.trim(), remote, employmentType: type });
  const set = (next: Partial<Record<(typeof KEYS)[number], string | null>>) => setParams({ ...params, ...next });
  const filtered = Object.keys(params).length > 0;

  return (
    <PublicLayout>
      <PageHeader title="Find a job" description="Open roles from every employer on Atrium." />
      <FilterBar active={filtered} onClear={() => setParams({})} refreshing={results.isFetching && !results.isPending}>
        <TextInput aria-label="Search words" placeholder="Title, skills, words" leftSection={<IconSearch size={16} />} value={params.q ?? ""} onChange={(e) => set({ q: e.currentTarget.value })} w={240} />
        <TextInput aria-label="Location" placeholder="City or country" leftSection={<IconMapPin size={16} />} value={params.location ?? ""} onChange={(e) => set({ location: e.currentTarget.value })} w={200} />
        <Select aria-label="Remote or on site" placeholder="Remote or on site" data={REMOTE_OPTIONS} value={params.remote ?? null} onChange={(v) => set({ remote: v })} clearable w={170} />
        <Select aria-label="Employment type" placeholder="Any employment type" data={EMPLOYMENT_OPTIONS} value={type} onChange={(v) => set({ type: v })} clearable w={200} />
      </FilterBar>
      <PostingList
        query={results}
        showEmployer
        errorTitle="Couldn't search the postings"
        empty={{
          icon: <IconBriefcase size={28} />,
          title: filtered ? "No postings match your search" : "No open postings yet",
          description: filtered ? "Try fewer words, another place, or clear the filters." : "Employers' published postings appear here.",
          testId: "job-search-empty",
        }}
      />
    </PublicLayout>
  );
}
