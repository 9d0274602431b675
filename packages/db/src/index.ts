export { migrationStatus, type MigrationStatus } from "./migration-status.js";
export { createDb, migrateDb, pingDb, migrationsFolder, MIGRATION_LOCK_KEY, type Db, type Tx, type DbOrTx, type DbHandle } from "./client.js";
export * as schema from "./schema/index.js";
