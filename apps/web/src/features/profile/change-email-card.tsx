import { PasswordInput, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZChangeEmailInput } from "@atrium/sdk";
import { FormCard } from "../../components/form-card";
import { useContractForm } from "../../lib/form";
import { notifySuccess } from "../../lib/notify";
import { trpc } from "../../lib/trpc";

/** A new address starts unconfirmed: we mail it a link, and invitations to it wait until it is opened. */
export function ChangeEmailCard() {
  const queryClient = useQueryClient();
  const form = useContractForm({ schema: ZChangeEmailInput, initialValues: { email: "", currentPassword: "" } });
  const change = useMutation(
    trpc.email.change.mutationOptions({
      onSuccess: async (user) => {
        notifySuccess(`We sent a confirmation link to ${user.email}.`, "Email address changed");
        form.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.invitations.mine.pathKey() });
      },
      onError: form.setServerError,
    }),
  );

  return (
    <FormCard
      title="Change email address"
      description="The new address must be confirmed through the link we send to it."
      formError={form.formError}
      submitLabel="Change email"
      pending={change.isPending}
      onSubmit={form.submit((input) => change.mutate(input))}
    >
      <TextInput label="New email address" type="email" autoComplete="email" {...form.getInputProps("email")} />
      <PasswordInput label="Current password" autoComplete="current-password" {...form.getInputProps("currentPassword")} />
    </FormCard>
  );
}
