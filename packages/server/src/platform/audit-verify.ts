/** `npm run audit:verify`: walks the audit hash chain and reports the first break. */
import { verifyAuditChain } from './audit.js';
import { openDeps } from './deps.js';

const deps = await openDeps();
const result = await verifyAuditChain(deps.db, deps.keys.audit);
await deps.database.close();
if (result.ok) {
  console.log(`审计日志哈希链完整：共校验 ${result.checked} 条。/ audit chain intact: ${result.checked} rows checked.`);
} else if (result.missing) {
  console.error(
    `审计日志在序号 ${result.brokenAt} 处断开（此前 ${result.checked} 条完整）：序号 ${result.brokenAt} 的记录缺失，已被删除。` +
      `/ audit chain broken at seq ${result.brokenAt}: that row is missing (deleted).`,
  );
  process.exit(1);
} else {
  console.error(
    `审计日志哈希链在序号 ${result.brokenAt} 处断开（此前 ${result.checked} 条完整），该条或其前一条已被篡改或删除。` +
      `/ audit chain broken at seq ${result.brokenAt}: that row or the one before it was altered or deleted.`,
  );
  process.exit(1);
}
