import { Loader, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { trpc } from "../../../lib/trpc";

/** A user chosen by searching the api (there may be far too many to list), by id. */
export function UserPicker({ value, onChange, label = "User" }: { value: string | null; onChange: (id: string | null) => void; label?: string }) {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const results = useQuery(trpc.users.admin.list.queryOptions({ q: q || undefined, limit: 20 }, { placeholderData: keepPreviousData }));
  // The chosen user may not be among the search results; fetch it so its name shows.
  const selected = useQuery(trpc.users.admin.get.queryOptions(value ? { id: value } : skipToken, { staleTime: 5 * 60_000 }));

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
