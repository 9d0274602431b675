export { prepareTenantExport, type TenantExport } from "./tenant-export.service.js";
export { restoreTenant, RESTORED_SUFFIX } from "./tenant-restore.service.js";
export { GZIP_MAGIC, type ArchiveSource } from "./archive-reader.js";
export { TENANT_SECTIONS, USERS_SECTION, NOT_EXPORTED } from "./tenant-sections.js";
export { createBackup, backupSize, type BackupResult } from "./backup.service.js";
export { restoreBackup, verifyBackup, checkAgainstManifest, BackupRestoreError, type BackupRestoreResult } from "./backup-restore.service.js";
export { backupDirOf, listManifests, readManifest, pruneBackups, backupsToKeep } from "./backup-catalog.js";
export { tablesInLoadOrder } from "./backup-tables.js";
export * as backupAdminService from "./backup-admin.service.js";
