/**
 * Reads a multipart form of text fields and evidence files. Each file is streamed to a temporary file in the store
 * while it is hashed (no file is ever held whole in memory), its type is then told by its content, and the request's
 * files and bytes are capped as they arrive. The staged files are removed whatever way the request ends, unless the
 * transaction that records them moved them into the store (`adopt`).
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { Static, TSchema } from "typebox";
import { Value } from "typebox/value";
import { type EvidenceType, evidenceType, sanitiseFilename } from "../../core/evidence/file-type.js";
import { fileTooLargeMessage } from "../../shared/domain.js";
import type { Config } from "../config.js";
import { refuseControlChars } from "../http/edge.js";
import { AppError } from "../http/errors.js";
import { chineseIssue, type ValidationIssue } from "../http/validation-messages.js";
import { type FileStore, removeIfThere } from "./store.js";

/** A file of the request, hashed and typed, waiting in the store's staging folder. */
export interface StagedFile {
  /** the temporary file: `FileStore.adopt` moves it into the store */
  path: string;
  sha256: string;
  size: number;
  /** the name as sent, made safe, with the extension of the real type */
  filename: string;
  type: EvidenceType;
}

/** What one request may send. */
export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxRequestBytes: number;
}

export const uploadLimitsOf = (config: Config): UploadLimits => ({
  maxFileBytes: config.maxUploadBytes,
  maxFiles: config.maxUploadFiles,
  maxRequestBytes: config.maxRequestBytes,
});

/** Fields that may come more than once (or as a JSON array) and are lists. */
const LIST_FIELDS = new Set(["links", "fileIds"]);

/** The leading bytes kept of each file to tell its type: an OLE document's stream names lie in its first megabyte. */
const HEAD_BYTES = 1024 * 1024;

/** A zip's central directory larger than this is no office document's. */
const MAX_ZIP_DIRECTORY = 4 * 1024 * 1024;

function fieldValue(name: string, raw: string): unknown {
  if (raw === "true" || raw === "false") return raw === "true";
  if (/^-?\d+$/.test(raw) && name !== "text" && name !== "period") return Number(raw);
  return raw;
}

function listValue(name: string, raw: string): unknown[] {
  if (raw.trim().startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not JSON: taken as one item below
    }
  }
  return raw.trim() === "" ? [] : [fieldValue(name, raw)];
}

export const tooLarge = (maxBytes: number, filename?: string) =>
  new AppError(413, "file_too_large", fileTooLargeMessage(maxBytes, filename));

const requestTooLarge = (limits: UploadLimits) =>
  new AppError(
    413,
    "upload_too_large",
    `一次提交的材料合计不能超过 ${Math.round(limits.maxRequestBytes / (1024 * 1024))} MB，请分几次上传`,
  );

const tooManyFiles = (limits: UploadLimits) =>
  new AppError(400, "too_many_files", `一次最多上传 ${limits.maxFiles} 个文件，请分几次上传`);

const notAllowed = (name: string) =>
  new AppError(
    400,
    "file_type_not_allowed",
    `「${name}」不是允许上传的材料类型。可上传 PDF、Word（doc/docx）、Excel（xls/xlsx）、JPG、PNG 图片和 OFD 文件；类型按文件内容识别，改扩展名无效`,
    { filename: name },
  );

/**
 * The central directory of a zip on disk as a small archive of its own (a local-header signature, then the
 * directory with its offset moved to follow it): what the content check reads of an archive, without its body.
 */
async function zipDirectory(file: string, size: number): Promise<Uint8Array | null> {
  const handle = await open(file, "r");
  try {
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let at = tailLength - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === 0x06054b50) {
        eocd = at;
        break;
      }
    }
    if (eocd < 0) return null;
    const offset = tail.readUInt32LE(eocd + 16);
    const end = size - tailLength + eocd;
    if (offset > end || size - offset > MAX_ZIP_DIRECTORY) return null;
    const archive = Buffer.alloc(4 + size - offset);
    archive.writeUInt32LE(0x04034b50, 0);
    await handle.read(archive, 4, size - offset, offset);
    archive.writeUInt32LE(4, 4 + (end - offset) + 16);
    return archive;
  } finally {
    await handle.close();
  }
}

/** The evidence type of a staged file, from its head (and a zip's central directory read from disk). */
async function stagedType(file: string, head: Buffer, size: number): Promise<EvidenceType | null> {
  const isZip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
  if (!isZip) return evidenceType(head);
  const directory = await zipDirectory(file, size);
  return directory ? evidenceType(directory) : null;
}

/** Counts the request's bytes as they pass and stops the request at the cap. */
class Budget {
  private spent = 0;
  constructor(private readonly limits: UploadLimits) {}

  spend(bytes: number): void {
    this.spent += bytes;
    if (this.spent > this.limits.maxRequestBytes) throw requestTooLarge(this.limits);
  }

  /** A pass-through stream that spends what flows through it; `seen` is called with each chunk. */
  meter(seen: (chunk: Buffer) => void = () => {}): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        try {
          this.spend(chunk.length);
          seen(chunk);
          done(null, chunk);
        } catch (error) {
          done(error as Error);
        }
      },
    });
  }
}

/** Streams one file part to a staged file (whose path is pushed to `staged` before anything is written). */
async function stageFile(
  part: MultipartFile,
  store: FileStore,
  budget: Budget,
  limits: UploadLimits,
  staged: string[],
): Promise<StagedFile> {
  const name = part.filename || "材料";
  const file = await store.stagingPath();
  staged.push(file);
  const hash = createHash("sha256");
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const seen = (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
    if (headLength < HEAD_BYTES) {
      const piece = chunk.subarray(0, HEAD_BYTES - headLength);
      head.push(Buffer.from(piece));
      headLength += piece.length;
    }
  };
  await pipeline(part.file, budget.meter(seen), createWriteStream(file, { flags: "wx" }));
  if (part.file.truncated) throw tooLarge(limits.maxFileBytes, name);
  if (size === 0) throw new AppError(400, "file_empty", `「${name}」是空文件，请选择有内容的文件`);
  const type = await stagedType(file, Buffer.concat(head), size);
  if (!type) throw notAllowed(name);
  return { path: file, sha256: hash.digest("hex"), size, filename: sanitiseFilename(name, type), type };
}

/** Reads the parts: fields into `raw`, files staged (their paths pushed to `staged` as they are made). */
async function readParts(
  request: FastifyRequest,
  store: FileStore,
  limits: UploadLimits,
  raw: Record<string, unknown>,
  staged: string[],
): Promise<StagedFile[]> {
  const budget = new Budget(limits);
  const files: StagedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        if (part.fieldname === "files" || part.fieldname === "files[]") {
          files.push(await stageFile(part, store, budget, limits, staged));
        } else {
          // a file under another name is read past (and counted), never kept
          await pipeline(part.file, budget.meter(), async (chunks) => {
            for await (const _ of chunks);
          });
        }
        continue;
      }
      const value = String(part.value ?? "");
      budget.spend(Buffer.byteLength(value));
      if (LIST_FIELDS.has(part.fieldname)) {
        raw[part.fieldname] = [...((raw[part.fieldname] as unknown[]) ?? []), ...listValue(part.fieldname, value)];
      } else {
        raw[part.fieldname] = fieldValue(part.fieldname, value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge(limits.maxFileBytes);
    if (code === "FST_FILES_LIMIT") throw tooManyFiles(limits);
    throw error;
  }
  return files;
}

function validFields<T extends TSchema>(schema: T, raw: Record<string, unknown>): Static<T> {
  refuseControlChars(raw);
  const fields = Value.Clean(schema, Value.Clone(raw));
  const issues = [...Value.Errors(schema, fields)] as ValidationIssue[];
  if (issues.length) {
    const details = issues.map(chineseIssue);
    throw new AppError(
      400,
      "validation_failed",
      `提交的内容不符合要求：${[...new Set(details.map((d) => d.message))].join("；")}`,
      details,
    );
  }
  return fields as Static<T>;
}

/**
 * Reads the form's fields (validated against `schema`) and its files (field `files` or `files[]`), staged, and hands
 * them to `use`. Whatever way it ends (a refusal while reading, a refused field, `use` failing, the client going
 * away), the staged files `use` did not adopt into the store are removed before the answer.
 */
export async function withUpload<T extends TSchema, R>(
  request: FastifyRequest,
  schema: T,
  store: FileStore,
  limits: UploadLimits,
  use: (upload: { fields: Static<T>; files: StagedFile[] }) => Promise<R>,
): Promise<R> {
  if (!request.isMultipart()) {
    throw new AppError(400, "multipart_required", "请以表单（multipart/form-data）提交报送内容和材料");
  }
  // a declared length over the cap is refused before a byte is read
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > limits.maxRequestBytes) throw requestTooLarge(limits);
  const staged: string[] = [];
  try {
    const raw: Record<string, unknown> = {};
    const files = await readParts(request, store, limits, raw, staged);
    return await use({ fields: validFields(schema, raw), files });
  } finally {
    // adopted files were renamed away: removing their staged names is a no-op
    await Promise.all(staged.map(removeIfThere));
  }
}
