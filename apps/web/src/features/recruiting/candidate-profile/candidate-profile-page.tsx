import { Stack } from "@mantine/core";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { ProfileForm } from "./profile-form";
import { ResumeCard } from "./resume-card";
import { useCandidateProfile } from "./use-candidate-profile";

/** Candidate portal → Profile: the résumé it can be filled from, and the profile itself. */
export function CandidateProfilePage() {
  const profile = useCandidateProfile();
  return (
    <>
      <PageHeader title="Candidate profile" description="Your profile as a job seeker: filled from your résumé, corrected by you, sent with every application." />
      <QueryState query={profile} errorTitle="Couldn't load your profile" isEmpty={() => false}>
        {(p) => (
          <Stack>
            <ResumeCard profile={p} />
            <ProfileForm profile={p} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
