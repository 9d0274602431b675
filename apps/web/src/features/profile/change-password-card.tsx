import { Checkbox, PasswordInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { ZChangePasswordInput } from "@atrium/sdk";
import { NewPasswordInput } from "../../components/new-password-input";
import { FormCard } from "../../components/form-card";
import { useContractForm } from "../../lib/form";
import { notifySuccess } from "../../lib/notify";
import { trpc } from "../../lib/trpc";

/** Your own password: the other sessions end, and the API keys too unless unticked. */
export function ChangePasswordCard() {
  const form = useContractForm({
    schema: ZChangePasswordInput,
    initialValues: { currentPassword: "", newPassword: "", confirm: "", revokeApiKeys: true },
    toInput: ({ confirm: _confirm, ...input }) => input,
    check: (v): Record<string, string> => (v.confirm !== v.newPassword ? { confirm: "The passwords don't match" } : {}),
  });
  const change = useMutation(
    trpc.passwords.change.mutationOptions({
      // A wrong current password is a 400 here; auth procedures never count as an ended session (lib/query-client.ts).
      onSuccess: (result, input) => {
        notifySuccess(`${result.message} Your other sessions were signed out${input.revokeApiKeys ? " and your API keys revoked" : ""}.`, "Password changed");
        form.reset();
      },
      onError: form.setServerError,
    }),
  );

  return (
    <FormCard
      title="Change password"
      description="You stay signed in here; every other session and device is signed out."
      formError={form.formError}
      submitLabel="Change password"
      pending={change.isPending}
      onSubmit={form.submit((input) => change.mutate(input))}
    >
      <PasswordInput label="Current password" autoComplete="current-password" {...form.getInputProps("currentPassword")} />
      <NewPasswordInput label="New password" {...form.getInputProps("newPassword")} />
      <PasswordInput label="Confirm new password" autoComplete="new-password" {...form.getInputProps("confirm")} />
      <Checkbox
        label="Also revoke all my API keys"
        description="Recommended: a key made by someone who knew the old password would otherwise keep working."
        {...form.getInputProps("revokeApiKeys", { type: "checkbox" })}
        data-testid="revoke-api-keys"
      />
    </FormCard>
  );
}
