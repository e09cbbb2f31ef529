import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Problem } from '../errors.ts';
import { DEFAULT_LIMITS, readSheet } from './sheet.ts';
import { checkUnpackedSize, zipEntries } from './zip.ts';

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Blad1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A zip of one deflated part, its central directory declaring `declared` as the unpacked size. */
function zipOf(content: Buffer, declared = content.length): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

async function refusal(work: Promise<unknown>): Promise<Problem> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Problem);
  return error as Problem;
}

describe('the unpacked size of an XLSX file', () => {
  it('reads the sizes of a real workbook from its central directory', async () => {
    const file = await workbook([['namn'], ['x'.repeat(5000)]]);
    const entries = zipEntries(file);
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    const unpacked = entries.reduce((n, e) => n + e.size, 0);
    expect(unpacked).toBeGreaterThan(5000);
    await checkUnpackedSize(file, unpacked);
    const problem = await refusal(checkUnpackedSize(file, unpacked - 1));
    expect(problem.status).toBe(413);
  });

  it('refuses a workbook over a low limit with 413 naming the limit, before exceljs reads it', async () => {
    // Highly compressible: a few kB of zip, 300 kB of XML (distinct texts: shared strings dedupe).
    const file = await workbook([
      ['namn'],
      ...Array.from({ length: 1000 }, (_, i) => [String(i).padEnd(300, 'a')]),
    ]);
    expect(file.length).toBeLessThan(100_000);
    const problem = await refusal(readSheet(file, { ...DEFAULT_LIMITS, maxUnpackedBytes: 100_000 }));
    expect(problem.status).toBe(413);
    expect(problem.code).toBe('payload-too-large');
    expect(problem.errors).toEqual([{ path: 'file', message: expect.stringContaining('100000 bytes') }]);
    // Within the default limit the same file reads.
    expect((await readSheet(file)).rows).toHaveLength(1000);
  }, 20_000);

  it('counts what the parts really unpack to when the directory understates it', async () => {
    const content = Buffer.alloc(300_000, 'a');
    const lying = zipOf(content, 10);
    expect(zipEntries(lying)[0]!.size).toBe(10);
    expect((await refusal(checkUnpackedSize(lying, 100_000))).status).toBe(413);
    await checkUnpackedSize(zipOf(content), 300_000);
  });

  it('refuses by the declared size alone, without unpacking', async () => {
    const problem = await refusal(checkUnpackedSize(zipOf(Buffer.from('small'), 0xfffffffe), 1_000_000));
    expect(problem.status).toBe(413);
  });

  it('answers 400 for what is not a zip', async () => {
    expect((await refusal(checkUnpackedSize(Buffer.from('PK\u0003\u0004garbage'), 1000))).status).toBe(400);
    const broken = zipOf(Buffer.alloc(1000, 'a'));
    // Damage the deflated data.
    broken.fill(0xff, 60, 70);
    expect((await refusal(checkUnpackedSize(broken, 1_000_000))).status).toBe(400);
  });
});
