import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../app.js';
import { loadConfig } from '../platform/config.js';
import { deriveKeys } from '../platform/crypto.js';
import type { Deps } from '../platform/http.js';

/** Where the web's generated API types live (checked in; CI compares them with the server). */
export const API_TYPES_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/src/shared/api/schema.gen.ts');

/** The command that regenerates {@link API_TYPES_FILE}. */
export const GENERATE_COMMAND = 'npm run api:generate';

const HEADER = `/**
 * The API contract as TypeScript types, from the server's OpenAPI document (/api/v1/openapi.json).
 * generated — do not edit; ${GENERATE_COMMAND}
 */

`;

/** Fails loudly if building the document ever reaches for the database. */
const offline = new Proxy(
  {},
  {
    get: (_target, key) => {
      throw new Error(`the OpenAPI document is built without a database (touched .${String(key)})`);
    },
  },
);

/**
 * The app's OpenAPI document. Registering routes touches no database, so the app is built over
 * dependencies without one, with the default configuration (the document must not vary by host).
 */
export const openApiDocument = async (): Promise<OpenAPI3> => {
  const deps = { database: offline, db: offline, config: loadConfig({}), keys: deriveKeys(Buffer.alloc(32)), now: () => new Date(0) };
  const app = await buildApp(deps as Deps);
  try {
    return app.swagger() as OpenAPI3;
  } finally {
    await app.close();
  }
};

/** The content of {@link API_TYPES_FILE}: openapi-typescript over the document, with the header. */
export const generateApiTypes = async (document?: OpenAPI3): Promise<string> =>
  HEADER + astToString(await openapiTS(document ?? (await openApiDocument())));
