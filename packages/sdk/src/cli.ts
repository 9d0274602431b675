import { withDotEnv } from "./cli/dot-env.js";
import { runCli } from "./cli/program.js";

// The one place the CLI reads its process; everything below takes it as `io`.
// The published CLI cannot depend on @atrium/config, so it reads process.env itself.
// eslint-disable-next-line no-restricted-properties
const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: withDotEnv(process.env), cwd: process.cwd() };

process.exitCode = await runCli(process.argv.slice(2), io);
