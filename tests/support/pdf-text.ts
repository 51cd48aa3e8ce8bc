import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type request from 'supertest';

/**
 * The text a PDF prints, as poppler's `pdftotext` reads it back (Debian's poppler-utils; the test
 * script installs it when missing), with every run of white space as one space: line breaks fall
 * where the page width puts them.
 */
export function pdfText(pdf: Buffer): string {
  const folder = mkdtempSync(join(tmpdir(), 'pdf-text-'));
  try {
    const file = join(folder, 'document.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return text.replace(/\s+/g, ' ').trim();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A binary response body (a PDF) as one Buffer. */
export async function binaryOf(pending: request.Test): Promise<request.Response> {
  return pending.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}
