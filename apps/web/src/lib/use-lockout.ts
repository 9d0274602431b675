import { useCallback } from "react";
import { retryAfterSecondsOf } from "@atrium/sdk";
import { useCountdown } from "./use-countdown";

export interface Lockout {
  /** Whole seconds until the api accepts the form again; 0 when it isn't locked. */
  secondsLeft: number;
  /** Pass a mutation's error: a 429 with Retry-After starts the countdown. */
  onError: (error: unknown) => void;
}

/**
 * The auth forms (sign in, sign up, password reset) share the api's attempt budget. After a
 * 429 they wait out its Retry-After instead of resending: the SDK never retries a password.
 */
export function useLockout(): Lockout {
  const { secondsLeft, start } = useCountdown();
  const onError = useCallback(
    (error: unknown) => {
      const seconds = retryAfterSecondsOf(error);
      if (seconds !== undefined) start(seconds);
    },
    [start],
  );
  return { secondsLeft, onError };
}

/** A 429 is shown by the countdown, never as the form's error sentence. */
export function isRateLimited(error: unknown): boolean {
  return retryAfterSecondsOf(error) !== undefined;
}
