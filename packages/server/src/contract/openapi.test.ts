import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, GENERATE_COMMAND, generateApiTypes, openApiDocument } from './openapi.js';

describe('the API contract', () => {
  it('the web’s generated types match the server’s routes', async () => {
    const fresh = await generateApiTypes();
    const committed = existsSync(API_TYPES_FILE) ? readFileSync(API_TYPES_FILE, 'utf8') : '';
    if (committed !== fresh) {
      expect.fail(`packages/web/src/shared/api/schema.gen.ts is stale or missing: run ${GENERATE_COMMAND} and commit it`);
    }
  }, 60_000);

  it('documents the answers: a schema per declared status and the one error body', async () => {
    const doc = (await openApiDocument()) as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path]?.[method]?.responses ?? {});
    expect(statuses('/api/v1/orgs/{id}', 'get')).toEqual(['200', 'default']);
    expect(statuses('/api/v1/orgs', 'post')).toEqual(['201', 'default']);
    expect(Object.keys(doc.components.schemas)).toContain('Org');
    expect(Object.keys(doc.components.schemas)).toContain('ApiError');
    // Only what a path reaches: no unused input twins of the named output schemas.
    expect(Object.keys(doc.components.schemas)).not.toContain('OrgInput');
  });
});
