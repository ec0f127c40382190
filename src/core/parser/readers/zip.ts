import { inflateRawSync } from "node:zlib";
import { readErrors } from "./errors.js";
import type { ReadLimits } from "./limits.js";

/** One entry of a zip's central directory, with the sizes it declares. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARKER = 0xffffffff;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const data = view(bytes);
  // The record is 22 bytes plus a comment of at most 65535 bytes, so it lies in the file's tail.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (data.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw readErrors.corrupt("压缩包（.docx/.xlsx/.ofd）", "no end of central directory");
}

/**
 * Lists a zip's entries from its central directory and refuses archives whose declared sizes already exceed the
 * limits, before anything is inflated. ZIP64 archives are refused: an office document never needs 4 GB.
 */
export function listZipEntries(bytes: Uint8Array, limits: ReadLimits): ZipEntry[] {
  const data = view(bytes);
  const eocd = findEndOfCentralDirectory(bytes);
  const count = data.getUint16(eocd + 10, true);
  let at = data.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || data.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw readErrors.corrupt("压缩包（.docx/.xlsx/.ofd）", "bad central directory");
    }
    const compressedSize = data.getUint32(at + 20, true);
    const uncompressedSize = data.getUint32(at + 24, true);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    if (compressedSize === ZIP64_MARKER || uncompressedSize === ZIP64_MARKER) throw readErrors.zipBomb();
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({
      name,
      method: data.getUint16(at + 10, true),
      compressedSize,
      uncompressedSize,
      localHeaderOffset: data.getUint32(at + 42, true),
    });
    declaredTotal += uncompressedSize;
    if (declaredTotal > limits.maxUnzippedBytes) throw readErrors.zipBomb();
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Reads a zip's entries with a hard budget on inflated bytes: the declared sizes may lie, so inflation itself is
 * capped (zlib stops at maxOutputLength) and an entry that inflates past its declaration is refused.
 */
export class SafeZip {
  readonly entries: Map<string, ZipEntry>;
  private budget: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ReadLimits,
  ) {
    this.entries = new Map(listZipEntries(bytes, limits).map((entry) => [entry.name, entry]));
    this.budget = limits.maxUnzippedBytes;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, or null when the archive has no such entry. */
  read(name: string): Uint8Array | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const raw = this.compressedData(entry);
    if (entry.method === 0) return this.spend(raw);
    if (entry.method !== 8)
      throw readErrors.corrupt("压缩包（.docx/.xlsx/.ofd）", `compression method ${entry.method}`);
    if (
      entry.uncompressedSize > 1024 * 1024 &&
      entry.uncompressedSize / Math.max(1, raw.length) > this.limits.maxZipRatio
    ) {
      throw readErrors.zipBomb();
    }
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(raw, {
        maxOutputLength: Math.max(1, Math.min(this.budget, entry.uncompressedSize + 1)),
      });
    } catch (error) {
      if (error instanceof RangeError) throw readErrors.zipBomb();
      throw readErrors.corrupt("压缩包（.docx/.xlsx/.ofd）", String(error));
    }
    if (inflated.length > entry.uncompressedSize) throw readErrors.zipBomb();
    return this.spend(inflated);
  }

  /** Inflates every entry once, so that a library reading the archive afterwards is known to stay within bounds. */
  verifyAll(): void {
    for (const name of this.entries.keys()) this.read(name);
  }

  readText(name: string): string | null {
    const data = this.read(name);
    return data === null ? null : new TextDecoder().decode(data);
  }

  private spend(data: Uint8Array): Uint8Array {
    this.budget -= data.length;
    if (this.budget < 0) throw readErrors.zipBomb();
    return data;
  }

  private compressedData(entry: ZipEntry): Uint8Array {
    const data = view(this.bytes);
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || data.getUint32(at, true) !== LOCAL_SIGNATURE) {
      throw readErrors.corrupt("压缩包（.docx/.xlsx/.ofd）", `bad local header for ${entry.name}`);
    }
    const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw readErrors.corrupt("压缩包（.docx/.xlsx/.ofd）", `truncated ${entry.name}`);
    return this.bytes.subarray(start, end);
  }
}
