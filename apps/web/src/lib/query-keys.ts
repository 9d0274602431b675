/** Every query key in one place, so invalidations can't drift from the queries. */
export const queryKeys = {
  me: ["me"],
  health: ["health"],
  apiKeys: ["apiKeys"],
} as const;
