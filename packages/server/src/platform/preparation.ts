/**
 * The first start's preparation (the demo data): stages with their share of the time, one printed
 * line per stage with the percentage, and the same percentage for the login page, answered by a
 * small server of its own while the load runs on a worker thread (setup/first-start.ts).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendError } from './errors.js';
import { route } from './http.js';

/** A stage of the preparation: its label, and its share of the whole (any unit; they are summed). */
export interface StageSpec {
  label: string;
  weight: number;
}

/** What `GET /api/v1/status` answers. */
export interface PreparationStatus {
  ready: boolean;
  /** Whole percent, 0–100. */
  percent: number;
  /** The stage under way, in Chinese. */
  stage: string | null;
}

/** How far a preparation has come: whole percent (below 100: ready is the server's to say) and the stage under way. */
export interface PreparationProgress {
  percent: number;
  stage: string | null;
}

export class Preparation {
  private readonly total: number;
  private doneWeight = 0;
  private current: string | null = null;
  private readonly startedAt = performance.now();

  constructor(
    private readonly stages: Record<string, StageSpec>,
    private readonly print: (line: string) => void = (line) => console.log(line),
    private readonly onChange: (progress: PreparationProgress) => void = () => {},
  ) {
    this.total = Object.values(stages).reduce((sum, s) => sum + s.weight, 0);
  }

  get progress(): PreparationProgress {
    return { percent: Math.min(99, Math.floor((this.doneWeight / this.total) * 100)), stage: this.current };
  }

  /** Runs one stage; its line is printed when it ends, with `summary` of its result (e.g. 「155,012 名党员」). */
  async stage<T>(key: string, run: () => Promise<T>, summary?: (result: T) => string): Promise<T> {
    const spec = this.stages[key];
    if (!spec) throw new Error(`unknown preparation stage ${key}`);
    this.current = spec.label;
    this.onChange(this.progress);
    const t0 = performance.now();
    const result = await run();
    this.doneWeight += spec.weight;
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const detail = summary ? `：${summary(result)}` : '';
    this.print(`正在准备演示数据… ${String(this.progress.percent).padStart(2)}%  ${spec.label}${detail}（${seconds} 秒）`);
    this.onChange(this.progress);
    return result;
  }

  /** Every stage done: says so, with the time it all took. */
  finish() {
    this.print(`演示数据已就绪（共 ${((performance.now() - this.startedAt) / 1000).toFixed(1)} 秒）`);
  }
}

const STATUS_URL = '/api/v1/status';

const statusSchema = z
  .object({
    ready: z.boolean().meta({ description: '首次启动的演示数据已就绪，接口可用' }),
    percent: z.number().int().min(0).max(100),
    stage: z.string().nullable().meta({ description: '正在进行的准备阶段' }),
  })
  .meta({ id: 'ServerStatus' });

/** `GET /api/v1/status` of the running app: public, no database; ready, since the app runs once the data is in. */
export const statusRoute = (app: FastifyInstance) =>
  route(app, {
    method: 'GET',
    url: STATUS_URL,
    permission: 'public',
    summary: '服务状态（首次启动时演示数据的准备进度）',
    tags: ['参考数据'],
    response: statusSchema,
    handler: async (): Promise<PreparationStatus> => ({ ready: true, percent: 100, stage: null }),
  });

/**
 * What the first start serves while the demo loads (setup/first-start.ts): every API request is
 * answered here with the progress — `GET /api/v1/status` with it, the rest 503 PREPARING — and never
 * reaches a route, since there is no database to reach yet.
 */
export const preparationGate = (app: FastifyInstance, preparing: { readonly progress: PreparationProgress }) => {
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const status: PreparationStatus = { ready: false, ...preparing.progress };
    if (req.method === 'GET' && req.url.split('?')[0] === STATUS_URL) return reply.header('cache-control', 'no-store').send(status);
    reply.header('retry-after', '2').header('cache-control', 'no-store');
    return sendError(req, reply, 503, 'PREPARING', `正在准备演示数据… ${status.percent}%，请稍候`, { percent: status.percent });
  });
};
