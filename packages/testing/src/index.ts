// The harness for tests that run Atrium as operators do: programs as processes, fresh bootstrapped stacks.
export * from "./processes.js";
export * from "./stack.js";
export * from "./sse.js";
