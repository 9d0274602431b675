// Preloaded (`--import`) into each server the me bench forks: answers the bench's
// "cpu" message with this process's own CPU time (user + system, every thread),
// so CPU per request counts the server alone, not the load generator or Postgres.
process.on("message", (message) => {
  if (message === "cpu") process.send?.({ cpu: process.cpuUsage() });
});
