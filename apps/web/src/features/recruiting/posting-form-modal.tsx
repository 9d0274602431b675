// TagsInput's own styles, loaded with the form rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/Pill.css";
import "@mantine/core/styles/PillsInput.css";
import { Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import { POSTING_DESCRIPTION_MAX, POSTING_SKILLS_MAX, ZCreatePostingInput, ZUpdatePostingInput } from "@atrium/sdk";
import type { UseFormReturnType } from "@mantine/form";
import { FormAlert } from "../../components/form-alert";
import { useContractForm } from "../../lib/form";
import type { Posting } from "../../lib/trpc";
import { EMPLOYMENT_OPTIONS, isEmploymentType, type EmploymentType } from "./posting-labels";
import { useCreatePosting, useUpdatePosting } from "./use-postings";

interface Values extends Record<string, unknown> {
  title: string;
  description: string;
  location: string;
  remote: boolean;
  employmentType: EmploymentType;
  salaryMin: number | string;
  salaryMax: number | string;
  salaryCurrency: string;
  requiredSkills: string[];
  niceToHaveSkills: string[];
}

const blank: Values = { title: "", description: "", location: "", remote: false, employmentType: "full_time", salaryMin: "", salaryMax: "", salaryCurrency: "USD", requiredSkills: [], niceToHaveSkills: [] };
const valuesOf = (p: Posting): Values => ({ ...p, salaryMin: p.salaryMin ?? "", salaryMax: p.salaryMax ?? "" });
/** An empty salary box is "no bound"; anything else goes as typed (the contract says what is wrong with it). */
const amount = (v: number | string) => (v === "" ? null : Number(v));

function PostingFields({ form }: { form: UseFormReturnType<Values> }) {
  return (
    <>
      <TextInput label="Title" placeholder="e.g. Night nurse" data-autofocus {...form.getInputProps("title")} />
      <Textarea
        label="Description"
        description={`What the role is, who it suits; candidates and the résumé matching read it (at most ${POSTING_DESCRIPTION_MAX.toLocaleString()} characters)`}
        autosize
        minRows={5}
        maxRows={14}
        {...form.getInputProps("description")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Location" placeholder="e.g. Lyon, France" {...form.getInputProps("location")} />
        <Select label="Employment type" data={EMPLOYMENT_OPTIONS} allowDeselect={false} {...form.getInputProps("employmentType")} />
      </SimpleGrid>
      <Checkbox label="Can be done remotely" {...form.getInputProps("remote", { type: "checkbox" })} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput label="Salary from" description="Yearly, optional" min={0} thousandSeparator clampBehavior="none" {...form.getInputProps("salaryMin")} />
        <NumberInput label="Salary up to" description="Yearly, optional" min={0} thousandSeparator clampBehavior="none" {...form.getInputProps("salaryMax")} />
        <TextInput label="Currency" description="3 letters" maxLength={3} {...form.getInputProps("salaryCurrency")} />
      </SimpleGrid>
      <TagsInput label="Required skills" description={`Press Enter after each (at most ${POSTING_SKILLS_MAX})`} clearable {...form.getInputProps("requiredSkills")} />
      <TagsInput label="Nice-to-have skills" description="Press Enter after each" clearable {...form.getInputProps("niceToHaveSkills")} />
    </>
  );
}

function CreateForm({ accountId, onDone }: { accountId: string | undefined; onDone: (p?: Posting) => void }) {
  const create = useCreatePosting();
  const form = useContractForm({
    schema: ZCreatePostingInput,
    initialValues: blank,
    toInput: (v) => ({ ...v, accountId, salaryMin: amount(v.salaryMin), salaryMax: amount(v.salaryMax) }),
  });
  return (
    <form onSubmit={form.submit((input) => create.mutate(input, { onSuccess: onDone, onError: form.setServerError }))} noValidate>
      <Stack>
        <FormAlert message={form.formError} />
        <PostingFields form={form} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={() => onDone()}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Save draft
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditForm({ posting, onDone }: { posting: Posting; onDone: () => void }) {
  const update = useUpdatePosting();
  const form = useContractForm({
    schema: ZUpdatePostingInput,
    initialValues: valuesOf(posting),
    toInput: (v) => ({
      id: posting.id,
      title: v.title,
      description: v.description,
      location: v.location,
      remote: v.remote,
      employmentType: isEmploymentType(v.employmentType) ? v.employmentType : undefined,
      salaryMin: amount(v.salaryMin),
      salaryMax: amount(v.salaryMax),
      salaryCurrency: v.salaryCurrency,
      requiredSkills: v.requiredSkills,
      niceToHaveSkills: v.niceToHaveSkills,
    }),
  });
  return (
    <form onSubmit={form.submit((input) => update.mutate(input, { onSuccess: onDone, onError: form.setServerError }))} noValidate>
      <Stack>
        <FormAlert message={form.formError} />
        <PostingFields form={form} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Create a draft (no `posting`) or edit one; a published posting's public text changes with the save. */
export function PostingFormModal({ posting, accountId, opened, onClose, onCreated }: { posting?: Posting; accountId?: string; opened: boolean; onClose: () => void; onCreated?: (p: Posting) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={posting ? "Edit posting" : "New posting"} size="lg" centered>
      {opened &&
        (posting ? (
          <EditForm posting={posting} onDone={onClose} />
        ) : (
          <CreateForm
            accountId={accountId}
            onDone={(p) => {
              onClose();
              if (p) onCreated?.(p);
            }}
          />
        ))}
    </Modal>
  );
}
