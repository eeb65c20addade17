/**
 * `npm run db:migrate`: applies the pending migrations and exits. On PostgreSQL run it as the role
 * that owns the tables, then re-run `sql/app-role.sql` for the application's role (docs/deploy.md).
 */
import { migrateDatabase, openDatabase } from '../platform/db/index.js';
import { loadConfigOrExit } from '../platform/deps.js';

const database = await openDatabase(loadConfigOrExit());
await migrateDatabase(database);
await database.close();
console.log('数据库迁移已完成。/ migrations applied.');
