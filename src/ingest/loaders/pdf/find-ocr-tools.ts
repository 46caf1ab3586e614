import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** The system programs OCR runs: poppler's `pdftoppm` (rasterise a page) and `tesseract` (recognise its text). */
export interface OcrTools {
  pdftoppm: string;
  tesseract: string;
}

/** The Debian packages that provide {@link OcrTools}, named in every skip reason that needs them. */
export const OCR_PACKAGES = 'tesseract-ocr tesseract-ocr-eng poppler-utils';

/**
 * The OCR programs: the given paths, else the first executable of that name on `searchPath` (the process
 * PATH by default). Returns undefined when either is missing.
 */
export function findOcrTools({ given, searchPath = process.env.PATH ?? '' }: { given?: Partial<OcrTools>; searchPath?: string } = {}): OcrTools | undefined {
  const pdftoppm = _executable(given?.pdftoppm ?? 'pdftoppm', searchPath);
  const tesseract = _executable(given?.tesseract ?? 'tesseract', searchPath);
  return pdftoppm && tesseract ? { pdftoppm, tesseract } : undefined;
}

function _executable(name: string, searchPath: string): string | undefined {
  const candidates = isAbsolute(name) ? [name] : searchPath.split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}
