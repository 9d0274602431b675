import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { ZAdminResetPasswordInput } from "@atrium/sdk";
import { FormAlert } from "../../../components/form-alert";
import { NewPasswordInput } from "../../../components/new-password-input";
import { useContractForm } from "../../../lib/form";
import type { AdminUser } from "../../../lib/trpc";
import { useAdminResetPassword } from "./use-admin-users";

function ResetForm({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  const reset = useAdminResetPassword();
  const form = useContractForm({ schema: ZAdminResetPasswordInput, initialValues: { newPassword: "" }, toInput: (v) => ({ id: user.id, ...v }) });

  return (
    <form onSubmit={form.submit((input) => reset.mutate(input, { onSuccess: onDone, onError: form.setServerError }))} noValidate>
      <Stack>
        <Text size="sm">
          Set a new password for <b>{user.username}</b> ({user.email}). They are signed out everywhere and must use it next time; tell them over a channel you trust.
        </Text>
        <FormAlert message={form.formError} />
        <NewPasswordInput label="New password" data-autofocus {...form.getInputProps("newPassword")} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="orange" loading={reset.isPending}>
            Reset password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ResetPasswordModal({ user, opened, onClose }: { user: AdminUser | null; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Reset password" centered>
      {opened && user && <ResetForm user={user} onDone={onClose} />}
    </Modal>
  );
}
