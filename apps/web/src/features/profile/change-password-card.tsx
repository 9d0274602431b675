import { Checkbox, PasswordInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ZChangePasswordInput, type TChangePasswordInput } from "@atrium/sdk";
import { NewPasswordInput } from "../../components/new-password-input";
import { FormCard } from "../../components/form-card";
import { fieldErrorsOfIssues, type FieldErrors } from "../../lib/errors";
import { fieldError, formErrors } from "../../lib/form";
import { notifySuccess } from "../../lib/notify";
import { api } from "../../lib/trpc";

const EMPTY = { currentPassword: "", newPassword: "", confirm: "", revokeApiKeys: true };

export function ChangePasswordCard() {
  const [values, setValues] = useState(EMPTY);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const change = useMutation({
    // A wrong current password is a 400 here, but keep it out of the session-expired handling all the same.
    mutationKey: ["auth", "changePassword"],
    mutationFn: (input: TChangePasswordInput) => api.passwords.change.mutate(input),
    onSuccess: (result, input) => {
      notifySuccess(`${result.message} Your other sessions were signed out${input.revokeApiKeys ? " and your API keys revoked" : ""}.`, "Password changed");
      setValues(EMPTY);
    },
  });
  const { errors, formError } = formErrors(change.error, clientErrors, ["currentPassword", "newPassword"]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZChangePasswordInput.safeParse(values);
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    if (values.confirm !== values.newPassword) return setClientErrors({ confirm: ["The passwords don't match"] });
    setClientErrors({});
    change.mutate(parsed.data);
  };

  return (
    <FormCard title="Change password" description="You stay signed in here; every other session and device is signed out." formError={formError} submitLabel="Change password" pending={change.isPending} onSubmit={onSubmit}>
      <PasswordInput
        label="Current password"
        autoComplete="current-password"
        value={values.currentPassword}
        onChange={(e) => setValues({ ...values, currentPassword: e.currentTarget.value })}
        error={fieldError(errors, "currentPassword")}
      />
      <NewPasswordInput label="New password" value={values.newPassword} onChange={(e) => setValues({ ...values, newPassword: e.currentTarget.value })} error={fieldError(errors, "newPassword")} />
      <PasswordInput
        label="Confirm new password"
        autoComplete="new-password"
        value={values.confirm}
        onChange={(e) => setValues({ ...values, confirm: e.currentTarget.value })}
        error={fieldError(errors, "confirm")}
      />
      <Checkbox
        label="Also revoke all my API keys"
        description="Recommended: a key made by someone who knew the old password would otherwise keep working."
        checked={values.revokeApiKeys}
        onChange={(e) => setValues({ ...values, revokeApiKeys: e.currentTarget.checked })}
        data-testid="revoke-api-keys"
      />
    </FormCard>
  );
}
