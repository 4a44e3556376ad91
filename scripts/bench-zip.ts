/**
 * Reads a zip's central directory (no extraction): every entry's name and how many bytes it
 * takes in the archive, so the benchmark can say what a build.zip consists of.
 */
import { readFileSync } from 'node:fs';

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
  /** Bytes this entry takes in the file: data, local header, data descriptor, directory record. */
  inZip: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function readZip(file: string): { size: number; entries: ZipEntry[] } {
  const buffer = readFileSync(file);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file (no end of central directory)`);
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff)
    throw new Error(`${file} is a ZIP64 archive, which this reader does not handle`);

  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== CENTRAL) throw new Error(`${file}: bad central directory record ${i}`);
    const flags = buffer.readUInt16LE(offset + 8);
    const compressed = buffer.readUInt32LE(offset + 20);
    const uncompressed = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localHeader = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    const localExtra = buffer.readUInt16LE(localHeader + 28);
    const localName = buffer.readUInt16LE(localHeader + 26);
    const record = 46 + nameLength + extraLength + commentLength;
    const inZip = 30 + localName + localExtra + compressed + (flags & 0x8 ? 16 : 0) + record;
    entries.push({ name, compressed, uncompressed, inZip });
    offset += record;
  }
  return { size: buffer.length, entries };
}

/**
 * Which part of an app a zip entry belongs to: the top-level package for anything under
 * node_modules (nested copies count toward the package that pulled them in), otherwise the
 * app's own files.
 */
export function ownerOf(name: string): string {
  if (!name.startsWith('node_modules/')) return name.startsWith('dist/') ? 'dist/' : name;
  const parts = name.split('/');
  return parts[1]?.startsWith('@') ? `${parts[1]}/${parts[2] ?? ''}` : (parts[1] ?? name);
}
