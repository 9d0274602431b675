// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/SegmentedControl.css";
import { EmptyState, Group, Loader, SegmentedControl, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch, IconUsers } from "@tabler/icons-react";
import { useState } from "react";
import { ConfirmModal } from "../../../components/confirm-modal";
import { PageHeader } from "../../../components/page-header";
import { ListCard } from "../../../components/data-table";
import type { AdminUser } from "../../../lib/trpc";
import { useDialogFor } from "../../../lib/use-dialog-for";
import { useCurrentUser } from "../../auth/current-user";
import { ResetPasswordModal } from "./reset-password-modal";
import { useAdminUsers, useSetUserActive, type ActiveFilter } from "./use-admin-users";
import { UsersTable } from "./users-table";

export function AdminUsersPage() {
  const { user: self } = useCurrentUser();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<ActiveFilter>("all");
  const users = useAdminUsers(q, status);
  const setActive = useSetUserActive();
  const toggle = useDialogFor<AdminUser>();
  const reset = useDialogFor<AdminUser>();
  const toggling = toggle.item;


  const disabling = toggling?.isActive ?? false;
  return (
    <>
      <PageHeader title="Users" description="Everyone with an Atrium login, newest first." />
      <Group mb="md" justify="space-between" wrap="wrap">
        <TextInput
          placeholder="Search username or email"
          aria-label="Search users"
          leftSection={<IconSearch size={16} />}
          rightSection={users.isFetching && !users.isPending ? <Loader size={14} /> : null}
          w={{ base: "100%", sm: 340 }}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as ActiveFilter)}
          data={[
            { value: "all", label: "All" },
            { value: "active", label: "Active" },
            { value: "disabled", label: "Disabled" },
          ]}
        />
      </Group>
      <ListCard
        query={users}
        errorTitle="Couldn't load the users"
        loadingLabel="Loading users"
        loadingRows={5}
        empty={
          <EmptyState py="xl" icon={<IconUsers size={28} />} variant="light" title="No users found" description={q ? `Nobody matches “${q}”.` : "No users match this filter."} />
        }
      >
        {(rows) => (
          <UsersTable users={rows} selfId={self.id} onToggleActive={toggle.open} onResetPassword={reset.open} />
        )}
      </ListCard>
      <ConfirmModal
        opened={toggle.opened}
        onClose={toggle.close}
        title={disabling ? "Disable user" : "Enable user"}
        confirmLabel={disabling ? "Disable" : "Enable"}
        color={disabling ? "red" : "teal"}
        loading={setActive.isPending}
        onConfirm={() => toggling && setActive.mutate({ id: toggling.id, isActive: !toggling.isActive }, { onSuccess: toggle.close })}
      >
        <Text size="sm">
          {disabling ? (
            <>
              Disable <b>{toggling?.username}</b>? They are signed out at once, can't sign in, and their API keys stop working until you enable them again.
            </>
          ) : (
            <>
              Enable <b>{toggling?.username}</b>? They can sign in again with their password.
            </>
          )}
        </Text>
      </ConfirmModal>
      <ResetPasswordModal user={reset.item} opened={reset.opened} onClose={reset.close} />
    </>
  );
}
