import { Button, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ZUpdateProfileInput } from "@atrium/sdk";
import { FormCard } from "../../components/form-card";
import { fieldErrorsOfIssues, type FieldErrors } from "../../lib/errors";
import { fieldError, formErrors } from "../../lib/form";
import { notifySuccess } from "../../lib/notify";
import { trpc } from "../../lib/trpc";

/** The name others see in member lists and invitation emails; empty clears it (lists then show the username). */
export function DisplayNameCard({ current, username }: { current: string | null; username: string }) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState(current ?? "");
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const save = useMutation(
    trpc.users.profile.update.mutationOptions({
      onSuccess: async (user) => {
        setValue(user.displayName ?? "");
        notifySuccess(user.displayName ? `Others now see you as ${user.displayName}.` : `Others now see you as ${user.username}.`, "Display name saved");
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.pathKey() });
      },
    }),
  );
  const { errors, formError } = formErrors(save.error, clientErrors, ["displayName"]);

  const submit = (displayName: string | null) => {
    const parsed = ZUpdateProfileInput.safeParse({ displayName });
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    setClientErrors({});
    save.mutate(parsed.data);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // An empty field means "no display name", not a too-short one.
    submit(value.trim() === "" ? null : value);
  };

  return (
    <FormCard title="Display name" description={`Shown in member lists and the emails you send. Without one, people see @${username}.`} formError={formError} submitLabel="Save name" pending={save.isPending} onSubmit={onSubmit}>
      <TextInput
        label="Display name"
        placeholder={username}
        maxLength={120}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        error={fieldError(errors, "displayName")}
        rightSectionWidth={70}
        rightSection={
          current ? (
            <Button size="compact-xs" variant="subtle" onClick={() => submit(null)} disabled={save.isPending}>
              Clear
            </Button>
          ) : undefined
        }
      />
    </FormCard>
  );
}
