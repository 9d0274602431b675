import { Select } from "@mantine/core";
import type { useRecruitingAccess } from "./use-recruiting-access";

/** Which employer the HR portal's pages show, for someone who recruits for more than one (remembered per user). */
export function EmployerPicker({ access }: { access: ReturnType<typeof useRecruitingAccess> }) {
  if (access.accounts.length < 2) return null;
  return (
    <Select
      aria-label="Employer"
      data={access.accounts.map((a) => ({ value: a.id, label: a.name }))}
      value={access.account?.id ?? null}
      onChange={(v) => v && access.select(v)}
      allowDeselect={false}
      w={200}
    />
  );
}
