import { AppError } from '@uitstroom/shared';
import { readMultipartFiles } from '../../server/src/core/http/multipart';

/** The form upload of the import (issue 28): the files of one field, and every broken form a 400 at `file`. */
const type = 'multipart/form-data; boundary=----grens';
const part = (headers: string, body: string) => `------grens\r\n${headers}\r\n\r\n${body}\r\n`;
const form = (...parts: string[]) => Buffer.from(`${parts.join('')}------grens--\r\n`);

describe('readMultipartFiles', () => {
  it('reads the files of the field, with their names, and leaves other fields alone', () => {
    const body = form(
      part('Content-Disposition: form-data; name="note"', 'x'),
      part(
        'Content-Disposition: form-data; name="file"; filename="C:\\map\\Casussen.csv"\r\nContent-Type: text/csv',
        'a;b\r\n1;2',
      ),
      part(
        `Content-Disposition: form-data; name="file"; filename="x"; filename*=UTF-8''Wachtlijst%20%C3%A9%C3%A9n.xlsx`,
        'PK',
      ),
    );
    expect(
      readMultipartFiles(body, type, 'file').map((f) => [f.name, f.content.toString()]),
    ).toEqual([
      ['Casussen.csv', 'a;b\r\n1;2'],
      ['Wachtlijst één.xlsx', 'PK'],
    ]);
  });

  it.each([
    [
      'no boundary',
      form(part('Content-Disposition: form-data; name="file"', 'x')),
      'multipart/form-data',
    ],
    ['no file field', form(part('Content-Disposition: form-data; name="other"', 'x')), type],
    ['a form cut off', Buffer.from(part('Content-Disposition: form-data; name="file"', 'x')), type],
    ['not a form at all', Buffer.from('hallo'), type],
  ])('%s is a 400 at file', (_label, body, contentType) => {
    let error: unknown;
    try {
      readMultipartFiles(body, contentType, 'file');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).issues[0]!.path).toBe('file');
  });
});
