/**
 * The bare baseline for GET /api/v1/orgs/:id/children: Fastify with one route that runs the same
 * SQL text as the real route's findChildren (passed in BENCH_CHILDREN_SQL by the runner, which
 * takes it from the server's own repo function). No auth hook, no session lookup, no org read, no
 * validation, no presenter, no request logging: that is the overhead the benchmark measures.
 *
 * Env: PORT, BENCH_ENGINE (postgres | pglite), DATABASE_URL (postgres) or BENCH_PGLITE_DIR (pglite).
 */
import Fastify from 'fastify';
import pg from 'pg';

const sql = process.env.BENCH_CHILDREN_SQL;
if (!sql) throw new Error('BENCH_CHILDREN_SQL is not set');

let query: (parentId: number) => Promise<unknown[]>;
let close: () => Promise<void>;

if (process.env.BENCH_ENGINE === 'pglite') {
  const { PGlite } = await import('@electric-sql/pglite');
  const { ltree } = await import('@electric-sql/pglite/contrib/ltree');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  // The same extensions the server loads: the org table has ltree and trigram-indexed columns.
  const db = await PGlite.create({ dataDir: process.env.BENCH_PGLITE_DIR, extensions: { ltree, pg_trgm } });
  query = async (id) => (await db.query(sql, [id])).rows;
  close = () => db.close();
} else {
  // The same pool as the server's openPostgres: 10 connections, UTC sessions.
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c timezone=UTC' });
  query = async (id) => (await pool.query(sql, [id])).rows;
  close = () => pool.end();
}

const app = Fastify();
app.get<{ Params: { id: string } }>('/api/v1/orgs/:id/children', async (req) => {
  const items = await query(Number(req.params.id));
  return { items, total: items.length };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });

const stop = async () => {
  await app.close();
  await close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
