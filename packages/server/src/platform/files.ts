import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ATTACHMENT_LIMITS, type AttachmentType, DomainError } from '@jishi/domain';
import type { FastifyRequest } from 'fastify';

/** The one uploaded file of a multipart request, as bytes with the name the browser sent. */
export const uploadedFile = async (req: FastifyRequest, what: string): Promise<{ bytes: Buffer; fileName: string }> => {
  if (!req.isMultipart()) throw new DomainError('INVALID_INPUT', `请以 multipart/form-data 上传${what}`, { field: 'file' });
  const part = await req.file();
  if (!part) throw new DomainError('INVALID_INPUT', '没有收到文件', { field: 'file' });
  return { bytes: await part.toBuffer(), fileName: part.filename };
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
  if (bytes.length > ATTACHMENT_LIMITS.maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE', '文件超过10MB');
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

/** A file name fit to keep: no path, no control characters, within the length limit. */
export const cleanFileName = (name: string) =>
  (
    [...path.basename(name.replaceAll('\\', '/'))].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join('') || '附件'
  ).slice(-ATTACHMENT_LIMITS.fileName);
