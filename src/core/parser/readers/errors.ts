/** Why a document could not be read; the server maps each code to a 4xx answer. */
export type DocumentReadErrorCode =
  | "empty"
  | "too_large"
  | "encrypted"
  | "corrupt"
  | "unsupported"
  | "zip_bomb"
  | "timeout"
  | "too_many_pages";

/**
 * The one error a reader throws. `message` is written for the civil servant who uploaded the file, so it says
 * what to do next; `detail` keeps the technical cause for logs.
 */
export class DocumentReadError extends Error {
  readonly code: DocumentReadErrorCode;
  readonly detail?: string;

  constructor(code: DocumentReadErrorCode, message: string, detail?: string) {
    super(message);
    this.name = "DocumentReadError";
    this.code = code;
    this.detail = detail;
  }
}

const MB = 1024 * 1024;

export const readErrors = {
  empty: () => new DocumentReadError("empty", "文件是空的，请检查后重新上传"),
  tooLarge: (size: number, max: number) =>
    new DocumentReadError(
      "too_large",
      `文件过大（${(size / MB).toFixed(1)} MB），超过 ${(max / MB).toFixed(0)} MB 的上限，请删去附件、图片后再上传`,
    ),
  encrypted: () => new DocumentReadError("encrypted", "文件已加密，无法读取，请先解除密码保护后再上传"),
  corrupt: (format: string, detail?: string) =>
    new DocumentReadError("corrupt", `${format} 文件已损坏或不完整，无法读取，请重新导出或另存后再上传`, detail),
  unsupported: (what: string) =>
    new DocumentReadError(
      "unsupported",
      `不支持的文件格式（${what}），请上传 Word（.docx/.doc）、WPS（.wps）、PDF、OFD、Excel（.xlsx）、网页（.html）、文本（.txt）或扫描图片（.png/.jpg/.tif）文件`,
    ),
  zipBomb: () => new DocumentReadError("zip_bomb", "文件解压后体积异常巨大，可能已损坏或含有恶意内容，已拒绝读取"),
  tooManyPages: (pages: number, max: number, part: number) =>
    new DocumentReadError(
      "too_many_pages",
      `扫描件共 ${pages} 页，超过可识别的 ${max} 页上限，请拆分为每份不超过 ${part} 页的文件后分别上传，或上传 Word/文字版 PDF`,
    ),
  timeout: (seconds: number) =>
    new DocumentReadError("timeout", `文件读取超时（超过 ${seconds} 秒），请拆分文件或另存为其他格式后再上传`),
};
