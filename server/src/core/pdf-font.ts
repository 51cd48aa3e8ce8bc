import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The font every PDF of the product prints with: DejaVu Sans (Bitstream Vera licence, its changes
 * in the public domain), embedded from the `dejavu-fonts-ttf` package. pdfkit's standard Helvetica
 * knows only WinAnsi: the minus sign U+2212 of a negative figure came out as `"`, emoji as
 * garbage. DejaVu has the minus, Dutch diacritics, curly quotes, € and much more; a character it
 * lacks (emoji above all) is replaced by a readable fallback before it reaches the page.
 */
const resolve = createRequire(__filename).resolve;
const fontFile = (name: string) => readFileSync(resolve(`dejavu-fonts-ttf/ttf/${name}`));
const regularFont = fontFile('DejaVuSans.ttf');
const boldFont = fontFile('DejaVuSans-Bold.ttf');

/** The names to pass to `doc.font(…)` once `useEmbeddedFont` has registered them. */
export const pdfFont = { regular: 'Uitstroom', bold: 'Uitstroom-Bold' } as const;

/** What a reader sees instead of a character the font lacks: words where we know the emoji. */
const fallbacks: Record<string, string> = {
  '👍': '(duim omhoog)',
  '👎': '(duim omlaag)',
  '🙂': ':-)',
  '😊': ':-)',
  '😀': ':-)',
  '😃': ':-)',
  '😄': ':-)',
  '😉': ';-)',
  '🙁': ':-(',
  '😞': ':-(',
  '😢': ':-(',
  '🏠': '(huis)',
  '🏡': '(huis)',
  '🔑': '(sleutel)',
  '📅': '(agenda)',
  '📞': '(telefoon)',
  '📧': '(e-mail)',
  '✅': '✓',
  '❌': '✗',
  '⚠': '(let op)',
};
const unknownCharacter = '[symbool]';
/** Joiners, variation selectors and skin tones: they only shape the emoji they follow. */
const modifiers = /\u200D|\uFE0E|\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu;

interface FontFace {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * The text with each character the font has no glyph for replaced by its fallback. `face` is the
 * font's glyph table (pdfkit's embedded font keeps the fontkit face it reads).
 */
export function printableText(text: string, face: FontFace): string {
  let out = '';
  for (const character of text.replace(modifiers, '')) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint < 0x20 || face.hasGlyphForCodePoint(codePoint)) out += character;
    else out += fallbacks[character] ?? unknownCharacter;
  }
  return out;
}

/**
 * Registers the embedded font on a new document, makes it the current font, and passes every
 * text the document prints or measures through `printableText` for the font in use.
 */
export function useEmbeddedFont(doc: PDFKit.PDFDocument): void {
  doc.registerFont(pdfFont.regular, regularFont);
  doc.registerFont(pdfFont.bold, boldFont);
  doc.font(pdfFont.regular);
  const internals = doc as unknown as { _font: { font: FontFace } };
  const printable = (value: unknown) =>
    typeof value === 'string' ? printableText(value, internals._font.font) : value;
  const text = doc.text.bind(doc) as (...args: unknown[]) => PDFKit.PDFDocument;
  const widthOfString = doc.widthOfString.bind(doc) as (...args: unknown[]) => number;
  const heightOfString = doc.heightOfString.bind(doc) as (...args: unknown[]) => number;
  Object.assign(doc, {
    text: (value: unknown, ...rest: unknown[]) => text(printable(value), ...rest),
    widthOfString: (value: unknown, ...rest: unknown[]) => widthOfString(printable(value), ...rest),
    heightOfString: (value: unknown, ...rest: unknown[]) =>
      heightOfString(printable(value), ...rest),
  });
}
