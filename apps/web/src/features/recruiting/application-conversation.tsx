// Owned by the application-conversation work: the messages between the candidate and the employer's recruiters.
export function ApplicationConversation(_props: { applicationId: string; viewer: "employer" | "candidate" }) {
  return null;
}
