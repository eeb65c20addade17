import { z } from 'zod';

/**
 * Every environment variable the server reads, parsed once at start-up. Nothing else reads
 * process.env. A bad value stops start-up with a message naming the variable.
 */
const PORT_MESSAGE = 'a port number 1–65535 (须为1–65535之间的端口号)';

const envSchema = z.object({
  PORT: z.coerce.number({ message: PORT_MESSAGE }).int(PORT_MESSAGE).min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (须以 postgres:// 开头)')
    .optional(),
  JISHI_DATA_DIR: z.string().min(1).default('./data'),
  JISHI_FILES_DIR: z.string().min(1).optional(),
  JISHI_DEMO: z.enum(['tongliao', 'none'], { message: 'tongliao or none (只能是 tongliao 或 none)' }).default('tongliao'),
  JISHI_DEMO_SCALE: z
    .enum(['city', 'province', 'small'], { message: 'city, province or small (只能是 city、province 或 small)' })
    .default('city'),
  JISHI_ADMIN_PASSWORD: z.string().min(12, 'at least 12 characters (至少12位)').optional(),
  JISHI_MASTER_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, '64 hex characters (须为64位十六进制)')
    .optional(),
  JISHI_COOKIE_SECURE: z.enum(['true', 'false'], { message: 'true or false (只能是 true 或 false)' }).default('false'),
  JISHI_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/,
      'true, or proxy addresses/CIDRs separated by commas (true，或以逗号分隔的代理地址/网段)',
    )
    .optional(),
  JISHI_LOGIN_RATE_PER_MINUTE: z.coerce
    .number({ message: 'a whole number ≥ 1 (须为不小于1的整数)' })
    .int()
    .min(1, 'a whole number ≥ 1 (须为不小于1的整数)')
    .default(30),
  JISHI_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'a pino level such as info or warn (日志级别，如 info、warn)',
    })
    .default('info'),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Uploaded files (meeting photos, PDFs): `files/` under the data dir unless configured. */
  filesDir: string;
  demo: 'tongliao' | 'none';
  demoScale: 'city' | 'province' | 'small';
  adminPassword: string | undefined;
  masterKeyHex: string | undefined;
  cookieSecure: boolean;
  /** Proxies whose X-Forwarded-For is believed; none by default, so a client cannot forge its address. */
  trustProxy: boolean | string[];
  loginRatePerMinute: number;
  logLevel: Env['JISHI_LOG_LEVEL'];
}

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError listing every invalid variable in Chinese and English. */
export const loadConfig = (env: Record<string, string | undefined> = process.env): Config => {
  // An empty variable counts as unset (`DATABASE_URL= npm start`).
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.JISHI_MASTER_KEY) {
    throw new ConfigError(
      '配置错误 / invalid configuration:\n  JISHI_MASTER_KEY: 使用 DATABASE_URL 时必须设置 / required with DATABASE_URL',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.JISHI_DATA_DIR,
    filesDir: e.JISHI_FILES_DIR ?? `${e.JISHI_DATA_DIR.replace(/\/$/, '')}/files`,
    demo: e.JISHI_DEMO,
    demoScale: e.JISHI_DEMO_SCALE,
    adminPassword: e.JISHI_ADMIN_PASSWORD,
    masterKeyHex: e.JISHI_MASTER_KEY,
    cookieSecure: e.JISHI_COOKIE_SECURE === 'true',
    trustProxy: e.JISHI_TRUST_PROXY === undefined ? false : e.JISHI_TRUST_PROXY === 'true' ? true : e.JISHI_TRUST_PROXY.split(','),
    loginRatePerMinute: e.JISHI_LOGIN_RATE_PER_MINUTE,
    logLevel: e.JISHI_LOG_LEVEL,
  };
};
