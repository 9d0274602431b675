// `pnpm bootstrap`: migrations, default tenant, admin user; idempotent.
import { startStack } from "./stack.js";

const stack = await startStack((m) => console.log(m));
await stack.stop();
console.log("bootstrap complete");
