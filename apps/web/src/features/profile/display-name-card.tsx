import { Button, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZUpdateProfileInput } from "@atrium/sdk";
import { FormCard } from "../../components/form-card";
import { useContractForm } from "../../lib/form";
import { notifySuccess } from "../../lib/notify";
import { trpc } from "../../lib/trpc";

/** The name others see in member lists and invitation emails; empty clears it (lists then show the username). */
export function DisplayNameCard({ current, username }: { current: string | null; username: string }) {
  const queryClient = useQueryClient();
  const form = useContractForm({
    schema: ZUpdateProfileInput,
    initialValues: { displayName: current ?? "" },
    // An empty field means "no display name", not a too-short one.
    toInput: ({ displayName }) => ({ displayName: displayName.trim() === "" ? null : displayName }),
  });
  const save = useMutation(
    trpc.users.profile.update.mutationOptions({
      onSuccess: async (user) => {
        form.setValues({ displayName: user.displayName ?? "" });
        notifySuccess(user.displayName ? `Others now see you as ${user.displayName}.` : `Others now see you as ${user.username}.`, "Display name saved");
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.pathKey() });
      },
      onError: form.setServerError,
    }),
  );
  const send = form.submit((input) => save.mutate(input));
  const clear = () => {
    form.setValues({ displayName: "" });
    form.clearErrors();
    save.mutate({ displayName: null });
  };

  return (
    <FormCard title="Display name" description={`Shown in member lists and the emails you send. Without one, people see @${username}.`} formError={form.formError} submitLabel="Save name" pending={save.isPending} onSubmit={send}>
      <TextInput
        label="Display name"
        placeholder={username}
        maxLength={120}
        {...form.getInputProps("displayName")}
        rightSectionWidth={70}
        rightSection={
          current ? (
            <Button size="compact-xs" variant="subtle" onClick={clear} disabled={save.isPending}>
              Clear
            </Button>
          ) : undefined
        }
      />
    </FormCard>
  );
}
