import { apiKeyRouter } from "../routers/api-key.router.js";
import { authRouter, meProcedure } from "../routers/auth.router.js";
import { router } from "./init.js";

export const appRouter = router({
  auth: authRouter,
  me: meProcedure,
  apiKeys: apiKeyRouter,
});

export type AppRouter = typeof appRouter;
