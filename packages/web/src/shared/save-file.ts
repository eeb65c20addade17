import type { DownloadedFile } from './api-client';

/**
 * Hands a file the app received to the browser's download: an object URL behind a temporary
 * `<a download>`, released once the click has been handled.
 */
export const saveFile = ({ blob, fileName }: DownloadedFile): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
