import { Loader, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { queryKeys } from "../../../lib/query-keys";
import { api } from "../../../lib/trpc";

/** A user chosen by searching the api (there may be far too many to list), by id. */
export function UserPicker({ value, onChange, label = "User" }: { value: string | null; onChange: (id: string | null) => void; label?: string }) {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const results = useQuery({
    queryKey: [...queryKeys.admin.users(q), "picker"],
    queryFn: () => api.users.admin.list.query({ q: q || undefined, limit: 20 }),
    placeholderData: (previous) => previous,
  });
  // The chosen user may not be among the search results; fetch it so its name shows.
  const selected = useQuery({
    queryKey: [...queryKeys.admin.allUsers, "one", value],
    queryFn: () => api.users.admin.get.query({ id: value ?? "" }),
    enabled: !!value,
    staleTime: 5 * 60_000,
  });

  const users = [...(results.data?.items ?? [])];
  if (selected.data && !users.some((u) => u.id === selected.data.id)) users.unshift(selected.data);
  return (
    <Select
      label={label}
      placeholder="Anyone"
      searchable
      clearable
      // The api already filtered by the search text; filtering again on the label would hide email matches.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={results.isFetching ? "Searching…" : "No users found"}
      rightSection={results.isFetching ? <Loader size={14} /> : undefined}
      data={users.map((u) => ({ value: u.id, label: u.username }))}
      value={value}
      onChange={onChange}
    />
  );
}
