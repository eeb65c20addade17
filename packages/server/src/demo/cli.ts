/**
 * `npm run demo -- --scale city|province|small [--seed N]`: loads the demo data set into the
 * configured database, which must be empty (JISHI_DATA_DIR or DATABASE_URL).
 */
import { parseArgs } from 'node:util';
import { openDeps } from '../platform/deps.js';
import { setUpEmptyDatabase } from '../setup/setup.js';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'city' }, seed: { type: 'string', default: '2021' } } });
if (!['city', 'province', 'small'].includes(values.scale ?? '')) {
  console.error('--scale 只能是 city、province 或 small / --scale must be city, province or small');
  process.exit(1);
}
const deps = await openDeps();
deps.config = { ...deps.config, demo: 'tongliao', demoScale: values.scale as 'city' | 'province' | 'small' };
const started = Date.now();
const result = await setUpEmptyDatabase(deps, Number(values.seed));
await deps.database.close();
if (!result) {
  console.error('数据库不是空的，演示数据只能装入空数据库。/ the database is not empty.');
  process.exit(1);
}
console.log([...result.lines, `用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`].join('\n'));
