export const EMAIL_STATUS_COLORS: Record<string, string> = { queued: "yellow", sent: "teal", failed: "red" };
