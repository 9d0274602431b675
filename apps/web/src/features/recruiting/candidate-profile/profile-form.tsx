// TagsInput's own styles (pills in an input), loaded with the form rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/Pill.css";
import "@mantine/core/styles/PillsInput.css";
import { Divider, SimpleGrid, TagsInput, Text, TextInput, Textarea } from "@mantine/core";
import { useEffect } from "react";
import { PROFILE_LIMITS, ZUpdateCandidateProfileInput } from "@atrium/sdk";
import { FormCard } from "../../../components/form-card";
import { useContractForm } from "../../../lib/form";
import { ProfileList } from "./profile-list";
import { useSaveCandidateProfile, type CandidateProfile } from "./use-candidate-profile";

type Values = {
  headline: string;
  contact: { name: string; email: string; phone: string; location: string; links: string[] };
  experience: Array<{ title: string; company: string; start: string; end: string; summary: string }>;
  education: Array<{ school: string; degree: string; field: string; start: string; end: string }>;
  skills: string[];
};

const orEmpty = (s: string | null) => s ?? "";
const orNull = (s: string) => (s.trim() === "" ? null : s);

function valuesOf(p: CandidateProfile): Values {
  return {
    headline: p.headline,
    contact: { name: orEmpty(p.contact.name), email: orEmpty(p.contact.email), phone: orEmpty(p.contact.phone), location: orEmpty(p.contact.location), links: p.contact.links },
    experience: p.experience.map((e) => ({ ...e, end: orEmpty(e.end) })),
    education: p.education,
    skills: p.skills,
  };
}

/** Empty inputs are "not given" (null) to the contract; an empty end date means "still there". */
const toInput = (v: Values) => ({
  ...v,
  contact: { name: orNull(v.contact.name), email: orNull(v.contact.email), phone: orNull(v.contact.phone), location: orNull(v.contact.location), links: v.contact.links },
  experience: v.experience.map((e) => ({ ...e, end: orNull(e.end) })),
});

const NEW_JOB = { title: "", company: "", start: "", end: "", summary: "" };
const NEW_SCHOOL = { school: "", degree: "", field: "", start: "", end: "" };

/** The whole profile as one form: contact, headline, jobs and schools as lists, skills as tags. */
export function ProfileForm({ profile }: { profile: CandidateProfile }) {
  const form = useContractForm({ schema: ZUpdateCandidateProfileInput, initialValues: valuesOf(profile), toInput, fields: ["contact.*", "experience.*", "education.*", "skills.*"] });
  const save = useSaveCandidateProfile(form.setServerError);
  // A résumé filled the profile (or another tab saved it): show that, unless the candidate is mid-edit.
  useEffect(() => {
    if (!form.isDirty()) {
      form.setValues(valuesOf(profile));
      form.resetDirty(valuesOf(profile));
    }
    // Only a new version of the profile (its updatedAt) resets the form, not every render.
  }, [profile.updatedAt]);
  const send = form.submit((input) => save.mutate(input, { onSuccess: (saved) => form.resetDirty(valuesOf(saved)) }));
  const { experience, education } = form.getValues();

  return (
    <FormCard title="Profile" description="What employers see when you apply. Correct anything the résumé got wrong." formError={form.formError} submitLabel="Save profile" pending={save.isPending} onSubmit={send}>
      <TextInput label="Headline" placeholder="Registered Nurse, ICU" maxLength={160} {...form.getInputProps("headline")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Name" maxLength={120} {...form.getInputProps("contact.name")} />
        <TextInput label="Email" type="email" maxLength={254} {...form.getInputProps("contact.email")} />
        <TextInput label="Phone" maxLength={40} {...form.getInputProps("contact.phone")} />
        <TextInput label="Location" maxLength={120} {...form.getInputProps("contact.location")} />
      </SimpleGrid>
      <TagsInput label="Links" description="Press Enter after each" maxTags={PROFILE_LIMITS.links} {...form.getInputProps("contact.links")} />

      <Divider label="Work experience" labelPosition="left" />
      <ProfileList items={experience} max={PROFILE_LIMITS.experience} noun="job" testId="experience-item" onAdd={() => form.insertListItem("experience", { ...NEW_JOB })} onRemove={(i) => form.removeListItem("experience", i)}>
        {(i) => (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput label="Title" maxLength={120} {...form.getInputProps(`experience.${i}.title`)} />
              <TextInput label="Company" maxLength={120} {...form.getInputProps(`experience.${i}.company`)} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput label="Start" placeholder="2019" maxLength={20} {...form.getInputProps(`experience.${i}.start`)} />
              <TextInput label="End" placeholder="empty: still there" maxLength={20} {...form.getInputProps(`experience.${i}.end`)} />
            </SimpleGrid>
            <Textarea label="Summary" autosize minRows={2} maxLength={PROFILE_LIMITS.summaryChars} {...form.getInputProps(`experience.${i}.summary`)} />
          </>
        )}
      </ProfileList>

      <Divider label="Education" labelPosition="left" />
      <ProfileList items={education} max={PROFILE_LIMITS.education} noun="school" testId="education-item" onAdd={() => form.insertListItem("education", { ...NEW_SCHOOL })} onRemove={(i) => form.removeListItem("education", i)}>
        {(i) => (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput label="School" required maxLength={160} {...form.getInputProps(`education.${i}.school`)} />
              <TextInput label="Degree" maxLength={120} {...form.getInputProps(`education.${i}.degree`)} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, xs: 3 }}>
              <TextInput label="Field" maxLength={120} {...form.getInputProps(`education.${i}.field`)} />
              <TextInput label="Start" maxLength={20} {...form.getInputProps(`education.${i}.start`)} />
              <TextInput label="End" maxLength={20} {...form.getInputProps(`education.${i}.end`)} />
            </SimpleGrid>
          </>
        )}
      </ProfileList>

      <Divider label="Skills" labelPosition="left" />
      <TagsInput label="Skills" description="Press Enter after each" maxTags={PROFILE_LIMITS.skills} data-testid="skills" {...form.getInputProps("skills")} />
      {!profile.exists && (
        <Text size="sm" c="dimmed">
          Nothing saved yet: fill from your résumé above, or write it here.
        </Text>
      )}
    </FormCard>
  );
}
