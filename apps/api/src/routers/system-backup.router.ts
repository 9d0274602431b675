import { backupAdminService, ZBackupIdInput, ZBackupList, ZBackupVerification } from "@atrium/core";
import { z } from "zod";
import { router, staffProcedure } from "../trpc/init.js";

const tags = ["system"];

export const systemBackupRouter = router({
  list: staffProcedure
    .meta({ openapi: { method: "GET", path: "/system/backups/", tags, summary: "Full backups in BACKUP_DIR, newest first: size, age, contents (staff)", protect: true } })
    .input(z.strictObject({}))
    .output(ZBackupList)
    .query(({ ctx }) => backupAdminService.listBackups(ctx.svc, ctx.actor)),

  verify: staffProcedure
    .meta({ openapi: { method: "POST", path: "/system/backups/{name}/verify/", tags, summary: "Re-read a backup's tables and files against its manifest (staff; audited)", protect: true } })
    .input(ZBackupIdInput)
    .output(ZBackupVerification)
    .mutation(({ ctx, input }) => backupAdminService.verify(ctx.svc, ctx.actor, input.name, ctx.meta)),

  create: staffProcedure
    .meta({ openapi: { method: "POST", path: "/system/backups/", tags, summary: "Back up now: queues a full backup on the worker (staff)", protect: true } })
    .input(z.strictObject({}))
    .output(z.object({ jobId: z.string() }))
    .mutation(({ ctx }) => backupAdminService.requestBackup(ctx.svc, ctx.actor)),
});
