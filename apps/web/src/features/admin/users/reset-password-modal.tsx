import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { ZAdminResetPasswordInput } from "@atrium/sdk";
import { NewPasswordInput } from "../../../components/new-password-input";
import { fieldErrorsOfIssues, type FieldErrors } from "../../../lib/errors";
import { fieldError, formErrors } from "../../../lib/form";
import type { AdminUser } from "../../../lib/trpc";
import { useAdminResetPassword } from "./use-admin-users";

function ResetForm({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  const reset = useAdminResetPassword();
  const [password, setPassword] = useState("");
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const { errors, formError } = formErrors(reset.error, clientErrors, ["newPassword"]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZAdminResetPasswordInput.safeParse({ id: user.id, newPassword: password });
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    setClientErrors({});
    reset.mutate(parsed.data, { onSuccess: onDone });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">
          Set a new password for <b>{user.username}</b> ({user.email}). They are signed out everywhere and must use it next time; tell them over a channel you trust.
        </Text>
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {formError}
          </Alert>
        )}
        <NewPasswordInput label="New password" data-autofocus value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldError(errors, "newPassword")} />
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
