/** `npm run audit:verify`: walks the audit hash chain and reports the first broken link. */
import { verifyAuditChain } from './audit.js';
import { openDeps } from './deps.js';

const deps = await openDeps();
const result = await verifyAuditChain(deps.db, deps.keys.audit);
await deps.database.close();
if (result.ok) {
  console.log(`审计日志哈希链完整：共校验 ${result.checked} 条。/ audit chain intact: ${result.checked} rows checked.`);
} else {
  console.error(
    `审计日志哈希链在第 ${result.brokenAt} 条处断开（此前 ${result.checked} 条完整），该条或其前一条已被篡改或删除。/ audit chain broken at row ${result.brokenAt}.`,
  );
  process.exit(1);
}
