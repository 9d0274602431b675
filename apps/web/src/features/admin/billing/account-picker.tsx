import { Loader, Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { api, trpc, type TenantAccount } from "../../../lib/trpc";

/** Enough for a picker; past this, typing narrows what was loaded (the list has no search on the api). */
const MAX_PAGES = 10;

/** Every account, page by page: staff see all of them in `accounts.list`. */
async function fetchAllAccounts(): Promise<TenantAccount[]> {
  const out: TenantAccount[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await api.accounts.list.query({ limit: 100, cursor });
    out.push(...res.items);
    if (!res.nextCursor) break;
    cursor = res.nextCursor;
  }
  return out;
}

export function useAllAccounts() {
  return useQuery({
    // Several pages merged into one list: its own key, under account.list's path so invalidating the list refreshes it.
    queryKey: [...trpc.accounts.list.pathKey(), { all: true }],
    queryFn: fetchAllAccounts,
    staleTime: 60_000,
  });
}

interface AccountPickerProps {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: ReactNode;
  label?: string;
  placeholder?: string;
  clearable?: boolean;
}

/** A tenant (account) by name or slug. */
export function AccountPicker({ value, onChange, error, label = "Account", placeholder = "Pick an account", clearable }: AccountPickerProps) {
  const accounts = useAllAccounts();
  return (
    <Select
      label={label}
      placeholder={accounts.isError ? "Couldn't load the accounts" : placeholder}
      searchable
      clearable={clearable}
      nothingFoundMessage="No account matches"
      rightSection={accounts.isFetching ? <Loader size={14} /> : undefined}
      data={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.deletedAt ? `${a.name} (${a.slug}, deleted)` : `${a.name} (${a.slug})` }))}
      value={value}
      onChange={onChange}
      error={error ?? (accounts.isError ? "Couldn't load the accounts; reload to try again." : undefined)}
    />
  );
}
