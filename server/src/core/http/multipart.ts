import { AppError } from '@uitstroom/shared';

/**
 * The files of a `multipart/form-data` body (RFC 7578), read from the buffer the route's raw
 * parser has already limited in size. A form upload is what a browser's file field sends, so the
 * page and `curl -F file=@…` need nothing else. Every way the body can be wrong is a 400 at
 * `file` in the error shape, never a 500.
 */
export interface UploadedFile {
  /** The name the sender gave (its last path segment only); `bestand` when none. */
  name: string;
  content: Buffer;
}

const notForm = (message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path: 'file', message }]);

function boundaryOf(contentType: string | undefined): string {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary || boundary.length > 200)
    throw notForm('Stuur het bestand als formulier (multipart/form-data) met een boundary.');
  return boundary;
}

/** `form-data; name="file"; filename="Wachtlijst Flevoland.xlsx"` → its parameters. */
function dispositionOf(headers: string): { name?: string; filename?: string } {
  const line = headers.split('\r\n').find((h) => /^content-disposition:/i.test(h)) ?? '';
  // Browsers write a quote in a name as %22 (HTML's form encoding), never with a backslash: an
  // old browser's full Windows path keeps its backslashes and is cut to its last segment below.
  const parameter = (key: string) => {
    const quoted = new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(line);
    if (quoted) return quoted[1]!.replace(/%22/g, '"');
    return new RegExp(`;\\s*${key}=([^;\\s]+)`, 'i').exec(line)?.[1];
  };
  const extended = /;\s*filename\*=UTF-8''([^;\s]+)/i.exec(line)?.[1];
  let filename = parameter('filename');
  if (extended)
    try {
      filename = decodeURIComponent(extended);
    } catch {
      // An undecodable extended name: the plain one (or none) stands.
    }
  return { name: parameter('name'), filename };
}

/** The files sent in the form field `field`, in the order sent; a 400 when there is none. */
export function readMultipartFiles(
  body: Buffer,
  contentType: string | undefined,
  field: string,
): UploadedFile[] {
  const boundary = boundaryOf(contentType);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // A CRLF in front lets the first delimiter be found like every other one.
  const data = Buffer.concat([Buffer.from('\r\n'), body]);
  const files: UploadedFile[] = [];
  let position = data.indexOf(delimiter);
  if (position === -1) throw notForm('Het formulier is leeg of onvolledig.');
  for (;;) {
    const start = position + delimiter.length;
    if (data.subarray(start, start + 2).toString('latin1') === '--') break;
    const headerEnd = data.indexOf('\r\n\r\n', start);
    const next = headerEnd === -1 ? -1 : data.indexOf(delimiter, headerEnd + 4);
    if (next === -1) throw notForm('Het formulier is onvolledig: het eindigt midden in een deel.');
    const headers = data.subarray(start, headerEnd).toString('utf8');
    const { name, filename } = dispositionOf(headers);
    if (name === field)
      files.push({
        name: (filename ?? '').split(/[\\/]/).pop()!.trim() || 'bestand',
        content: data.subarray(headerEnd + 4, next),
      });
    position = next;
  }
  if (files.length === 0) throw notForm(`Kies een bestand (formulierveld “${field}”).`);
  return files;
}
