import { PasswordInput, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ZChangeEmailInput } from "@atrium/sdk";
import { FormCard } from "../../components/form-card";
import { fieldErrorsOfIssues, type FieldErrors } from "../../lib/errors";
import { fieldError, formErrors } from "../../lib/form";
import { notifySuccess } from "../../lib/notify";
import { trpc } from "../../lib/trpc";

const EMPTY = { email: "", currentPassword: "" };

/** A new address starts unconfirmed: we mail it a link, and invitations to it wait until it is opened. */
export function ChangeEmailCard() {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const change = useMutation(
    trpc.email.change.mutationOptions({
      onSuccess: async (user) => {
        notifySuccess(`We sent a confirmation link to ${user.email}.`, "Email address changed");
        setValues(EMPTY);
        await queryClient.invalidateQueries({ queryKey: trpc.me.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.invitation.mine.pathKey() });
      },
    }),
  );
  const { errors, formError } = formErrors(change.error, clientErrors, ["email", "currentPassword"]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZChangeEmailInput.safeParse(values);
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    setClientErrors({});
    change.mutate(parsed.data);
  };

  return (
    <FormCard title="Change email address" description="The new address must be confirmed through the link we send to it." formError={formError} submitLabel="Change email" pending={change.isPending} onSubmit={onSubmit}>
      <TextInput label="New email address" type="email" autoComplete="email" value={values.email} onChange={(e) => setValues({ ...values, email: e.currentTarget.value })} error={fieldError(errors, "email")} />
      <PasswordInput
        label="Current password"
        autoComplete="current-password"
        value={values.currentPassword}
        onChange={(e) => setValues({ ...values, currentPassword: e.currentTarget.value })}
        error={fieldError(errors, "currentPassword")}
      />
    </FormCard>
  );
}
