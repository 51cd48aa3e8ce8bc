import type { Response } from 'express';

/** A file to download: its name, its content type and its bytes (or text). */
export interface DownloadFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/**
 * Sends a download: never sniffed into something else (HTML), not kept by a shared computer's
 * cache. Returns undefined, so a handler can end with it.
 */
export function sendDownload(res: Response, file: DownloadFile): undefined {
  res.set({
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.filename}"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.send(file.body);
  return undefined;
}
