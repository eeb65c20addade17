import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ATTACHMENT_LIMITS, type AttachmentType, DomainError } from '@jishi/domain';
import type { FastifyRequest } from 'fastify';

/** What a route takes as its one uploaded file, and how it refuses one too large. */
export interface UploadSpec {
  /** For 「请以 multipart/form-data 上传…」. */
  what: string;
  maxBytes: number;
  tooLarge: string;
}

/** Whole megabytes of a byte limit, for messages. */
export const megabytes = (bytes: number) => Math.floor(bytes / 1024 / 1024);

/** A meeting attachment: a photo of a sign-in sheet or a PDF of the minutes. */
export const ATTACHMENT_UPLOAD: UploadSpec = {
  what: '一张照片或一个 PDF 文件',
  maxBytes: ATTACHMENT_LIMITS.maxBytes,
  tooLarge: `附件不能超过${megabytes(ATTACHMENT_LIMITS.maxBytes)}MB`,
};

/** The refusal for an error raised while reading a multipart body. */
const uploadRefusal = (err: unknown, spec: UploadSpec): unknown => {
  if (err instanceof DomainError) return err;
  const { code, statusCode, message } = err as { code?: string; statusCode?: number; message?: string };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new DomainError('PAYLOAD_TOO_LARGE', spec.tooLarge, { field: 'file' });
  if (message?.includes('Boundary not found')) {
    return new DomainError('INVALID_INPUT', '上传内容格式无效（缺少 multipart 分隔符），请重新上传', { field: 'file' });
  }
  // The plugin's own refusals (too many parts, a forbidden field name) carry a 4xx of their own.
  if (code && statusCode && statusCode < 500) return err;
  // busboy: the body ended mid-part or the client went away.
  return new DomainError('INVALID_INPUT', '上传的文件不完整，请重新上传', { field: 'file' });
};

/**
 * The one uploaded file of a multipart request, as bytes with a file name fit to keep. A file over
 * the route's limit, or a body cut short, is refused here for every upload route.
 */
export const uploadedFile = async (req: FastifyRequest, spec: UploadSpec): Promise<{ bytes: Buffer; fileName: string }> => {
  if (!req.isMultipart()) throw new DomainError('INVALID_INPUT', `请以 multipart/form-data 上传${spec.what}`, { field: 'file' });
  try {
    const part = await req.file({ limits: { fileSize: spec.maxBytes } });
    if (!part) throw new DomainError('INVALID_INPUT', '没有收到文件', { field: 'file' });
    return { bytes: await part.toBuffer(), fileName: cleanFileName(part.filename) };
  } catch (err) {
    throw uploadRefusal(err, spec);
  }
};

const startsWith = (buf: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => buf[at + i] === b);

/** The type of a file from its first bytes (never its name or the browser's claim), or null. */
export const sniffType = (buf: Buffer): AttachmentType | null => {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(buf, [0x52, 0x49, 0x46, 0x46]) && startsWith(buf, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
};

/**
 * Checks and writes an uploaded file under `filesDir`: the key is random (never the user's file
 * name), the write is atomic (temp file, then rename).
 */
export const storeFile = async (filesDir: string, folder: string, bytes: Buffer) => {
  if (bytes.length === 0) throw new DomainError('INVALID_INPUT', '文件是空的', { field: 'file' });
  if (bytes.length > ATTACHMENT_UPLOAD.maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE', ATTACHMENT_UPLOAD.tooLarge);
  const contentType = sniffType(bytes);
  if (!contentType) throw new DomainError('INVALID_INPUT', '只能上传 JPG、PNG、WebP 图片或 PDF 文件', { field: 'file' });
  const key = `${folder}/${randomUUID()}`;
  const target = path.join(filesDir, key);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(`${target}.part`, bytes, { mode: 0o600 });
  await rename(`${target}.part`, target);
  return { key, contentType, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
};

export const readStoredFile = (filesDir: string, key: string) => readFile(path.join(filesDir, key));

/**
 * Control and invisible format characters: C0/C1 controls, bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), marks (U+200E, U+200F, U+061C), zero-width characters and line
 * separators. A right-to-left override makes `x\u202Egnp.exe` show as `xexe.png`.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** A file name fit to keep and show: no path, no control or bidi characters, within the length limit. */
export const cleanFileName = (name: string) => {
  const kept = path.basename(name.replaceAll('\\', '/')).replace(INVISIBLE, '').trim() || '附件';
  // By code point, keeping the end (the extension), so no surrogate pair is cut in half.
  return [...kept].slice(-ATTACHMENT_LIMITS.fileName).join('');
};
