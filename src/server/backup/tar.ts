/**
 * A minimal ustar archive, written and read as a stream (no dependency, no whole file in memory): what a backup
 * holds is a few JSON files and evidence files with short names, so plain files are all it needs.
 */
import { once } from "node:events";
import { createReadStream } from "node:fs";
import type { Writable } from "node:stream";

const BLOCK = 512;

function header(name: string, size: number, mtime: Date): Buffer {
  const block = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`);
  const octal = (value: number, width: number) => `${value.toString(8).padStart(width - 1, "0")}\0`;
  block.write(name, 0, 100, "utf8");
  block.write(octal(0o644, 8), 100);
  block.write(octal(0, 8), 108);
  block.write(octal(0, 8), 116);
  block.write(octal(size, 12), 124);
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136);
  block.write("        ", 148); // the checksum is summed with its own field as spaces
  block.write("0", 156);
  block.write("ustar\0", 257);
  block.write("00", 263);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  return block;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** Writes entries one after another to `out` (a gzip stream, say), waiting whenever it asks to. */
export class TarWriter {
  constructor(private readonly out: Writable) {}

  private async write(chunk: Buffer): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, "drain");
  }

  async addBuffer(name: string, bytes: Buffer, mtime = new Date()): Promise<void> {
    await this.write(header(name, bytes.length, mtime));
    await this.write(bytes);
    await this.write(padding(bytes.length));
  }

  /** Streams a file of a known size; a file that changed size meanwhile would break the archive, so it throws. */
  async addFile(name: string, file: string, size: number, mtime = new Date()): Promise<void> {
    await this.write(header(name, size, mtime));
    let written = 0;
    for await (const chunk of createReadStream(file)) {
      written += (chunk as Buffer).length;
      if (written > size) break;
      await this.write(chunk as Buffer);
    }
    if (written !== size) throw new Error(`${file} changed size while it was archived (${size} → ${written})`);
    await this.write(padding(size));
  }

  /** The two empty blocks that end an archive; the caller ends the stream. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** the entry's bytes, in pieces; read it whole (or not at all) before asking for the next entry */
  body: AsyncIterable<Buffer>;
}

/** Pulls exact byte counts out of a stream of chunks. */
class ByteReader {
  private pending: Buffer = Buffer.alloc(0);
  private readonly source: AsyncIterator<Buffer>;

  constructor(input: AsyncIterable<Buffer>) {
    this.source = input[Symbol.asyncIterator]();
  }

  private async more(): Promise<boolean> {
    const next = await this.source.next();
    if (next.done) return false;
    this.pending = this.pending.length ? Buffer.concat([this.pending, next.value]) : next.value;
    return true;
  }

  /** Exactly n bytes, or null at the end of the stream. */
  async read(n: number): Promise<Buffer | null> {
    while (this.pending.length < n) if (!(await this.more())) return null;
    const out = this.pending.subarray(0, n);
    this.pending = this.pending.subarray(n);
    return out;
  }

  async *pieces(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (!this.pending.length && !(await this.more())) throw new Error("备份文件不完整(归档在文件中途结束)");
      const piece = this.pending.subarray(0, Math.min(left, this.pending.length));
      this.pending = this.pending.subarray(piece.length);
      left -= piece.length;
      yield piece;
    }
  }
}

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString("utf8");
}

/** The archive's plain-file entries in order; anything else (folders, links) is skipped. */
export async function* readTar(input: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(input);
  for (;;) {
    const block = await reader.read(BLOCK);
    if (!block || block.every((byte) => byte === 0)) return;
    if (field(block, 257, 5) !== "ustar") throw new Error("不是 fazhi 备份文件(无法识别的归档格式)");
    const size = Number.parseInt(field(block, 124, 12).trim() || "0", 8);
    const prefix = field(block, 345, 155);
    const name = prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100);
    const type = field(block, 156, 1);
    let consumed = false;
    const body = reader.pieces(size);
    const tracked: AsyncIterable<Buffer> = {
      [Symbol.asyncIterator]: () => {
        consumed = true;
        return body;
      },
    };
    if (type === "0" || type === "") yield { name, size, body: tracked };
    if (!consumed) for await (const _ of body);
    await reader.read((BLOCK - (size % BLOCK)) % BLOCK);
  }
}
