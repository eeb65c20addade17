import helmet from '@fastify/helmet';
import { DomainError } from '@jishi/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from './config.js';
import { UNSUPPORTED_MEDIA_TYPE_MESSAGE } from './errors.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** An API request: by the matched route (the router decodes `/%61pi/…` to it) or, unmatched, by the URL. */
const isApi = (req: FastifyRequest) => (req.routeOptions.url ?? req.url).startsWith('/api/');

/**
 * True when `origin` is this server's own: the Host (or, behind a trusted proxy, the forwarded
 * host and scheme) of the request. An HTTPS page on the same host counts too, since only the server
 * itself can serve it; this keeps a TLS proxy that does not send X-Forwarded-Proto working.
 */
const isOwnOrigin = (req: FastifyRequest, origin: string): boolean => {
  try {
    const from = new URL(origin).origin;
    return from === new URL(`${req.protocol}://${req.host}`).origin || from === new URL(`https://${req.host}`).origin;
  } catch {
    // `null` (sandboxed frames, privacy redirects) and malformed values are nobody's origin.
    return false;
  }
};

/**
 * Refuses a write under /api that another site's page sent (its Origin is not ours, or the
 * browser says `Sec-Fetch-Site: cross-site`), and a write whose body is not JSON (a multipart
 * upload where the route takes one). Requests without either header — curl, integrations — pass:
 * browsers always send Origin on a POST, so only a browser can be tricked into a cross-site write.
 * The content-type rule refuses what a plain HTML form or a no-preflight fetch can send.
 */
const refuseCrossSiteWrite = async (req: FastifyRequest) => {
  if (!WRITE_METHODS.has(req.method) || !isApi(req)) return;
  const origin = req.headers.origin;
  if (req.headers['sec-fetch-site'] === 'cross-site' || (origin !== undefined && !isOwnOrigin(req, origin))) {
    throw new DomainError('CROSS_SITE', '拒绝来自其他网站的操作请求，请在本系统页面中操作');
  }
  const contentType = req.headers['content-type'];
  if (contentType === undefined) return; // a body-less write; a body without a type is refused by the parser
  const mediaType = contentType.split(';', 1)[0]?.trim().toLowerCase();
  const upload = req.routeOptions.config?.upload === true;
  if (mediaType === 'application/json' || (upload && mediaType === 'multipart/form-data')) return;
  throw new DomainError('UNSUPPORTED_MEDIA_TYPE', upload ? '请以 multipart/form-data 上传文件' : UNSUPPORTED_MEDIA_TYPE_MESSAGE);
};

/**
 * Security headers on every answer (ARCHITECTURE.md, web security), the cross-site write refusal,
 * and no-store on API answers. Registered before the session is read, so a refused request costs
 * no database round trip.
 */
export const registerWebSecurity = async (app: FastifyInstance, config: Config) => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // data: for the inline SVG favicon in index.html.
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // antd's CSS-in-JS inserts <style> elements at run time (and rc components set style
        // attributes); a nonce would need a templated index.html per request. Inline style cannot
        // run script, so it is allowed; inline script never is.
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        // Upgrading on a plain-HTTP deployment would break every asset request.
        ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS pins the host to HTTPS for a year: only when the deployment says it is HTTPS.
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  app.addHook('onRequest', refuseCrossSiteWrite);
  // API answers carry personal data: never kept by the browser or a proxy, unless a route set its
  // own policy (a meeting attachment the user opens again).
  app.addHook('onSend', async (req, reply) => {
    if (isApi(req) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
};
