import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('has the defaults of ARCHITECTURE.md', () => {
    expect(loadConfig({})).toMatchObject({ port: 8080, host: '127.0.0.1', databaseUrl: undefined, dataDir: './data', demo: 'tongliao' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ JISHI_DEMO: 'beijing' }, 'JISHI_DEMO'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ JISHI_MASTER_KEY: 'abc' }, 'JISHI_MASTER_KEY'],
    [{ JISHI_ADMIN_PASSWORD: 'short' }, 'JISHI_ADMIN_PASSWORD'],
    [{ DATABASE_URL: 'postgres://h/db' }, 'JISHI_MASTER_KEY'],
  ])('stops on %j, naming %s in Chinese and English', (env, name) => {
    const run = () => loadConfig(env);
    expect(run).toThrow(ConfigError);
    // Both languages in the line for the variable: English words and Chinese characters.
    const line = (() => {
      try {
        run();
      } catch (e) {
        return (e as Error).message.split('\n').find((l) => l.includes(name)) ?? '';
      }
      return '';
    })();
    expect(line).toMatch(/[a-z]{3,}/);
    expect(line).toMatch(/[\u4e00-\u9fff]/);
    expect(run).toThrow(new RegExp(`配置错误 / invalid configuration[\\s\\S]*${name}`));
  });

  it('lists every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', JISHI_DEMO: 'y' })).toThrow(/PORT[\s\S]*JISHI_DEMO/);
  });
});
