export { prepareTenantExport, type TenantExport } from "./tenant-export.service.js";
export { restoreTenant, RESTORED_SUFFIX } from "./tenant-restore.service.js";
export { GZIP_MAGIC, type ArchiveSource } from "./archive-reader.js";
export { TENANT_SECTIONS, USERS_SECTION, NOT_EXPORTED } from "./tenant-sections.js";
