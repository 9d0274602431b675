// Owned by the interviews work: the interviews of one application (schedule, confirm, feedback), for either side.
export function ApplicationInterviews(_props: { applicationId: string; viewer: "employer" | "candidate" }) {
  return null;
}
