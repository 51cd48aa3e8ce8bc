import type { FieldErrors, FieldValues } from 'react-hook-form';

/** Messages keyed by a form field's dotted path (`preconditions.0.dueDate`); the first message per field wins. */
export type FieldMessages = Map<string, string>;

export function addMessage(messages: FieldMessages, path: string, message: string): void {
  if (!messages.has(path)) messages.set(path, message);
}

/** Dotted paths → react-hook-form's nested errors (numbers index lists), so each message lands at its field. */
export function toFieldErrors<T extends FieldValues>(messages: FieldMessages): FieldErrors<T> {
  const root: Record<string, unknown> = {};
  for (const [path, message] of messages) {
    const keys = path.split('.');
    let node: Record<string, unknown> = root;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        // A list's own message sits beside its items' messages.
        const existing = node[key] as Record<string, unknown> | undefined;
        node[key] = { ...(existing ?? {}), type: 'validate', message };
        return;
      }
      const next = node[key] ?? (/^\d+$/.test(keys[i + 1]!) ? [] : {});
      node[key] = next;
      node = next as Record<string, unknown>;
    });
  }
  return root as FieldErrors<T>;
}

/** The id of a field's input, from its dotted path, so an error summary can link to it. */
export function inputId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\./g, '-')}`;
}

/** Every message in react-hook-form's nested errors, with its dotted path, in the order of the form. */
export function flattenErrors(errors: unknown): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = [];
  const visit = (node: unknown, path: readonly string[]) => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record['message'] === 'string' && record['message'] !== '')
      found.push({ path: path.join('.'), message: record['message'] });
    for (const [key, child] of Object.entries(record)) {
      if (key === 'ref' || key === 'message' || key === 'type' || key === 'types') continue;
      visit(child, key === 'root' ? path : [...path, key]);
    }
  };
  visit(errors, []);
  return found;
}
