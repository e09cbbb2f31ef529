import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { Problem } from '../errors.ts';
import { fileProblem } from './errors.ts';

// An XLSX file is a zip of XML. A few kilobytes of zip can unpack to gigabytes (a "zip bomb"), and
// exceljs unpacks every part into memory before we could count a row, so the sizes are checked
// first: the sizes the zip's central directory declares (cheap, refuses the obvious case at once),
// then the real sizes, by inflating each part as a stream and counting, never keeping the output.
// The declared sizes alone are not enough: they are written by whoever made the file.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const unreadable = () => fileProblem('The file cannot be read as an XLSX workbook');

export const tooLarge = (limit: number) => {
  const message = `The workbook unpacks to more than ${megabytes(limit)}, the limit of an import`;
  return new Problem(413, 'payload-too-large', message, [{ path: 'file', message }]);
};

const megabytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${bytes} bytes`;

/** The entries of a zip's central directory. */
export function zipEntries(bytes: Buffer): Entry[] {
  // The end-of-central-directory record is the last 22 bytes, before a comment of up to 64 KiB.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable();
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  // ZIP64 marks its sizes 0xFFFF…; no workbook within the upload limit needs it.
  if (count === 0xffff || offset === 0xffffffff) throw unreadable();
  const entries: Entry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw unreadable();
    const nameLength = bytes.readUInt16LE(at + 28);
    const entry: Entry = {
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw unreadable();
    entries.push(entry);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** Bytes the inflated data has, counting up to just past `cap`. */
async function inflatedSize(data: Buffer, cap: number): Promise<number> {
  const inflater = createInflateRaw();
  let size = 0;
  try {
    for await (const chunk of Readable.from([data]).pipe(inflater)) {
      size += (chunk as Buffer).length;
      if (size > cap) break;
    }
  } catch {
    throw unreadable();
  } finally {
    inflater.destroy();
  }
  return size;
}

/**
 * Refuses (413) a zip whose parts unpack to more than `limit` bytes in all, by declaration or in
 * fact, and (400) one that is not a readable zip of stored or deflated parts.
 */
export async function checkUnpackedSize(bytes: Buffer, limit: number): Promise<void> {
  const entries = zipEntries(bytes);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limit) throw tooLarge(limit);
  let total = 0;
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw unreadable();
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw unreadable();
    if (entry.method === 0) total += data.length;
    else if (entry.method === 8) total += await inflatedSize(data, limit - total);
    else throw unreadable();
    if (total > limit) throw tooLarge(limit);
  }
}
