import { fileTypeFromBuffer } from 'file-type';

// What a file is, told from its bytes: the name and the request's Content-Type are what the
// sender claims, and a .pdf that is really an executable must not reach a colleague's desktop as
// a PDF. Binary formats by their signature (file-type); text only when every byte is UTF-8 and
// none is NUL, and then the name chooses among the harmless text types.

/** The media types an attachment may have; anything else is refused (415). */
export const ALLOWED_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  // Office Open XML: zip files whose entries file-type looks into.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  // Outlook .msg (file-type tells it from other compound files, which stay refused).
  'application/vnd.ms-outlook',
  'text/plain',
  'text/csv',
  'message/rfc822',
]);

/** Checks the bytes of a text file as they stream past: valid UTF-8 throughout, no NUL. */
export class TextCheck {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  ok = true;

  push(bytes: Uint8Array): boolean {
    if (!this.ok) return false;
    if (bytes.includes(0)) {
      this.ok = false;
      return false;
    }
    try {
      this.decoder.decode(bytes, { stream: true });
    } catch {
      this.ok = false;
    }
    return this.ok;
  }

  /** The end of the file: a character cut off at the end is not valid UTF-8 either. */
  end(): boolean {
    if (!this.ok) return false;
    try {
      this.decoder.decode();
    } catch {
      this.ok = false;
    }
    return this.ok;
  }
}

export interface Detected {
  mediaType: string;
  /** For text types: the check the rest of the bytes must pass too. */
  text?: TextCheck;
}

// An RFC 5322 header line ("Received: …", "From: …"): how a saved .eml begins.
const MAIL_HEADER = /^[!-9;-~]+:[ \t]/;

/**
 * The media type of a file from its first bytes (`sample`: the first chunk, or the whole file
 * when smaller), or undefined when it is not one of ALLOWED_MEDIA_TYPES.
 */
export async function detectMediaType(sample: Uint8Array, name: string): Promise<Detected | undefined> {
  const found = await fileTypeFromBuffer(sample);
  if (found) return ALLOWED_MEDIA_TYPES.has(found.mime) ? { mediaType: found.mime } : undefined;
  const text = new TextCheck();
  if (!text.push(sample)) return undefined;
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === 'csv') return { mediaType: 'text/csv', text };
  if (extension === 'eml') {
    const firstLine = new TextDecoder().decode(sample.subarray(0, 1000)).split(/\r?\n/, 1)[0] ?? '';
    if (MAIL_HEADER.test(firstLine)) return { mediaType: 'message/rfc822', text };
  }
  return { mediaType: 'text/plain', text };
}

// Characters a file name never keeps: C0/C1 controls and the invisible formatting characters
// (right-to-left override turns "fdp.exe" into what looks like "exe.pdf").
const UNSAFE_IN_NAME = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** The name as given, without a path, control or formatting characters; at most 255 characters. */
export function sanitizeName(given: string): string {
  const base = given.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base.replace(UNSAFE_IN_NAME, '').trim();
  if (clean === '.' || clean === '..') return '';
  const chars = Array.from(clean);
  if (chars.length <= 255) return clean;
  // Keep the extension when shortening: it is what the reader's desktop opens the file with.
  const extension = /\.[^.]{1,20}$/.exec(clean)?.[0] ?? '';
  return chars.slice(0, 255 - Array.from(extension).length).join('') + extension;
}

/** `attachment` with an ASCII fallback name and the exact one as RFC 5987 `filename*`. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
