export { createClient, retryAfterSecondsOf, type AtriumClient, type ClientOptions, type AppRouter, type RouterInputs, type RouterOutputs } from "./client.js";
export { AtriumError, errorFromResponse, type AtriumErrorCode, type AtriumErrorInit } from "./errors.js";
export { flags, isFlagOn, type FlagValue } from "./flags.js";
export { fetchWithRetry, parseRetryAfter, type FetchLike, type RetryOptions } from "./fetch-with-retry.js";
export { TRPCClientError } from "@trpc/client";
export * from "./contracts.js";
export { exportTenant, restoreTenant, DataRequestError, type DataTarget } from "./data.js";
