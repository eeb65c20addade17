// Creates (or re-creates) a PostgreSQL database with a UTF-8 ctype for the CI run.
// Usage: node scripts/create-test-db.mjs postgres://postgres@127.0.0.1:5432/jishi_ci
import pg from 'pg';

const url = new URL(process.argv[2]);
const name = url.pathname.slice(1);
if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name: ${name}`);
url.pathname = '/postgres';
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
await client.query(`drop database if exists ${name} with (force)`);
await client.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
await client.end();
console.log(`created database ${name}`);
