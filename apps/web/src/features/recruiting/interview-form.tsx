// MultiSelect's own styles (pills in an input), loaded with the form rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/Pill.css";
import "@mantine/core/styles/PillsInput.css";
import { Button, Group, Modal, MultiSelect, NumberInput, Stack, TextInput } from "@mantine/core";
import { ZRescheduleInterviewInput, ZScheduleInterviewInput } from "@atrium/sdk";
import { FormAlert } from "../../components/form-alert";
import { useContractForm, type ContractForm } from "../../lib/form";
import { useInterviewerOptions, useRescheduleInterview, useScheduleInterview, type Interview } from "./use-interviews";

interface Values extends Record<string, unknown> {
  startsAt: string;
  durationMinutes: number | string;
  interviewerIds: string[];
  meetingUrl: string;
  location: string;
}

/** "2026-12-01T14:00" in the browser's zone, which is what a datetime-local input holds. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const toIso = (local: string) => (local && !Number.isNaN(new Date(local).getTime()) ? new Date(local).toISOString() : "");
const common = (v: Values) => ({ startsAt: toIso(v.startsAt), durationMinutes: v.durationMinutes === "" ? undefined : Number(v.durationMinutes), interviewerIds: v.interviewerIds });

function Fields({ form, applicationId }: { form: ContractForm<Values, never>; applicationId: string }) {
  const people = useInterviewerOptions(applicationId, true);
  return (
    <>
      <FormAlert message={form.formError} />
      <TextInput type="datetime-local" label="Starts at" description="In your time zone" data-autofocus {...form.getInputProps("startsAt")} />
      <NumberInput label="Duration (minutes)" min={15} max={480} step={15} clampBehavior="none" {...form.getInputProps("durationMinutes")} />
      <MultiSelect
        label="Interviewers"
        description="Admins, recruiters and hiring managers of this account"
        placeholder={people.isPending ? "Loading people…" : "Pick interviewers"}
        data={(people.data ?? []).map((p) => ({ value: p.userId, label: p.displayName ?? p.username }))}
        searchable
        {...form.getInputProps("interviewerIds")}
      />
      <TextInput label="Meeting link" placeholder="https://…" {...form.getInputProps("meetingUrl")} />
      <TextInput label="Location" placeholder="Office, room 4" description="A link, a place, or both" {...form.getInputProps("location")} />
    </>
  );
}

function Actions({ onCancel, loading, label }: { onCancel: () => void; loading: boolean; label: string }) {
  return (
    <Group justify="flex-end" mt="xs">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={loading}>
        {label}
      </Button>
    </Group>
  );
}

function ScheduleForm({ applicationId, onDone }: { applicationId: string; onDone: () => void }) {
  const schedule = useScheduleInterview();
  const form = useContractForm({
    schema: ZScheduleInterviewInput,
    initialValues: { startsAt: "", durationMinutes: 60 as number | string, interviewerIds: [] as string[], meetingUrl: "", location: "" },
    toInput: (v) => ({ applicationId, ...common(v), meetingUrl: v.meetingUrl || undefined, location: v.location || undefined }),
  });
  return (
    <form onSubmit={form.submit((input) => schedule.mutate(input, { onSuccess: onDone, onError: form.setServerError }))} noValidate>
      <Stack>
        <Fields form={form as unknown as ContractForm<Values, never>} applicationId={applicationId} />
        <Actions onCancel={onDone} loading={schedule.isPending} label="Schedule" />
      </Stack>
    </form>
  );
}

function RescheduleForm({ interview, onDone }: { interview: Interview; onDone: () => void }) {
  const reschedule = useRescheduleInterview();
  const form = useContractForm({
    schema: ZRescheduleInterviewInput,
    initialValues: {
      startsAt: toLocalInput(interview.startsAt),
      durationMinutes: interview.durationMinutes as number | string,
      interviewerIds: interview.interviewers.map((i) => i.userId),
      meetingUrl: interview.meetingUrl ?? "",
      location: interview.location ?? "",
    },
    toInput: (v) => ({ id: interview.id, ...common(v), meetingUrl: v.meetingUrl || null, location: v.location || null }),
  });
  return (
    <form onSubmit={form.submit((input) => reschedule.mutate(input, { onSuccess: onDone, onError: form.setServerError }))} noValidate>
      <Stack>
        <Fields form={form as unknown as ContractForm<Values, never>} applicationId={interview.applicationId} />
        <Actions onCancel={onDone} loading={reschedule.isPending} label="Save" />
      </Stack>
    </form>
  );
}

/** Schedules a new interview for the application, or moves `interview` when given. */
export function InterviewFormModal({ opened, onClose, applicationId, interview }: { opened: boolean; onClose: () => void; applicationId: string; interview?: Interview | null }) {
  return (
    <Modal opened={opened} onClose={onClose} title={interview ? "Move the interview" : "Schedule an interview"}>
      {opened && (interview ? <RescheduleForm interview={interview} onDone={onClose} /> : <ScheduleForm applicationId={applicationId} onDone={onClose} />)}
    </Modal>
  );
}
