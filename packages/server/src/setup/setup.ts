import { generateTongliao } from '../demo/tongliao.js';
import type { Deps } from '../platform/http.js';
import type { Preparation } from '../platform/preparation.js';
import { createBootstrapAccounts, createRootOrg, generatePassword, isEmpty } from './bootstrap.js';

/**
 * On an empty database: the org tree (the Tongliao demo or just the root), the bootstrap accounts,
 * and for the demo its county and township accounts. Returns the lines to print once.
 */
export const setUpEmptyDatabase = async (deps: Deps, seed = 2021, preparation?: Preparation): Promise<{ lines: string[] } | null> => {
  if (!(await isEmpty(deps.db))) return null;
  const password = deps.config.adminPassword ?? generatePassword();
  return deps.db.transaction(async (tx) => {
    const lines: string[] = [];
    if (deps.config.demo === 'tongliao') {
      const demo = await generateTongliao(tx, deps, { scale: deps.config.demoScale, seed }, preparation);
      await createBootstrapAccounts(tx, deps, demo.rootId, password);
      lines.push(...demo.lines);
    } else {
      await createBootstrapAccounts(tx, deps, await createRootOrg(tx), password);
    }
    lines.push(
      `初始账号（首次登录须修改密码）：admin / sysadmin / secadmin / auditor，密码：${deps.config.adminPassword ? '（JISHI_ADMIN_PASSWORD 所设）' : password}`,
    );
    return { lines };
  });
};
