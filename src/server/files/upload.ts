/**
 * Reads a multipart form of text fields and evidence files: every file is checked by its content against the allowed
 * types and the size limit before anything is stored; the fields are validated by the route's schema.
 */
import type { FastifyRequest } from "fastify";
import type { Static, TSchema } from "typebox";
import { Value } from "typebox/value";
import { type EvidenceType, evidenceType, sanitiseFilename } from "../../core/evidence/file-type.js";
import { fileTooLargeMessage } from "../../shared/domain.js";
import { AppError } from "../http/errors.js";
import { chineseIssue, type ValidationIssue } from "../http/validation-messages.js";

export interface UploadedFile {
  bytes: Buffer;
  /** the name as sent, made safe, with the extension of the real type */
  filename: string;
  type: EvidenceType;
}

/** Fields that may come more than once (or as a JSON array) and are lists. */
const LIST_FIELDS = new Set(["links", "fileIds"]);

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

export const tooLarge = (maxBytes: number) => new AppError(413, "file_too_large", fileTooLargeMessage(maxBytes));

/** Checks one file's content: an allowed type, not empty. */
export function checkEvidence(bytes: Buffer, name: string): UploadedFile {
  if (bytes.length === 0) throw new AppError(400, "file_empty", `「${name}」是空文件，请选择有内容的文件`);
  const type = evidenceType(bytes);
  if (!type) {
    throw new AppError(
      400,
      "file_type_not_allowed",
      `「${name}」不是允许上传的材料类型。可上传 PDF、Word（doc/docx）、Excel（xls/xlsx）、JPG、PNG 图片和 OFD 文件；类型按文件内容识别，改扩展名无效`,
      { filename: name },
    );
  }
  return { bytes, filename: sanitiseFilename(name, type), type };
}

/** The form's fields (validated against `schema`) and its files (field `files` or `files[]`). */
export async function readUpload<T extends TSchema>(
  request: FastifyRequest,
  schema: T,
  maxBytes: number,
): Promise<{ fields: Static<T>; files: UploadedFile[] }> {
  if (!request.isMultipart()) {
    throw new AppError(400, "multipart_required", "请以表单（multipart/form-data）提交报送内容和材料");
  }
  const raw: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        if (part.fieldname !== "files" && part.fieldname !== "files[]") {
          await part.toBuffer();
          continue;
        }
        files.push(checkEvidence(await part.toBuffer(), part.filename || "材料"));
      } else {
        const value = String(part.value ?? "");
        if (LIST_FIELDS.has(part.fieldname)) {
          raw[part.fieldname] = [...((raw[part.fieldname] as unknown[]) ?? []), ...listValue(part.fieldname, value)];
        } else {
          raw[part.fieldname] = fieldValue(part.fieldname, value);
        }
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge(maxBytes);
    if (code === "FST_FILES_LIMIT") throw new AppError(400, "too_many_files", "一次最多上传 20 个文件");
    throw error;
  }
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
  return { fields: fields as Static<T>, files };
}
