/**
 * The system programs OCR runs: poppler's `pdftoppm` rasterises a PDF page, Debian's `tesseract` (with the chi_sim
 * data) recognises an image. They run through a CommandRunner, so that tests can give other answers (a machine
 * without tesseract) and the pure steps around them stay testable without the programs.
 */
import { execFile } from "node:child_process";

export interface CommandOptions {
  /** bytes for the program's standard input */
  input?: Uint8Array;
  env?: Record<string, string>;
  signal?: AbortSignal;
}

/** Runs a program and resolves to its standard output; rejects with `code: "ENOENT"` when it is not installed. */
export type CommandRunner = (command: string, args: string[], options?: CommandOptions) => Promise<Buffer>;

/** A page image's standard output can be tens of megabytes (a 300-dpi A3 page in grey is ~25 MB). */
const MAX_OUTPUT = 256 * 1024 * 1024;

export const systemRunner: CommandRunner = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      {
        encoding: "buffer",
        maxBuffer: MAX_OUTPUT,
        env: { ...process.env, ...options.env },
        signal: options.signal,
      },
      (error, stdout, stderr) => {
        if (error) {
          const detail = stderr.toString("utf8").trim().split("\n").slice(-2).join(" ");
          reject(Object.assign(error, { detail }));
        } else {
          resolve(stdout);
        }
      },
    );
    if (options.input) child.stdin?.end(options.input);
    else child.stdin?.end();
    // a program that exits before reading all its input closes the pipe; its exit code says what went wrong
    child.stdin?.on("error", () => undefined);
  });

/** The language data the plans need: simplified Chinese (it reads digits and Latin letters too). */
export const OCR_LANGUAGE = "chi_sim";

export type OcrToolProblem = "tesseract" | "chi_sim" | "pdftoppm";

function notInstalled(error: unknown): boolean {
  return (error as { code?: string }).code === "ENOENT";
}

/**
 * What is missing for OCR, or null when everything is there. `needsRaster` asks for pdftoppm too (a PDF scan;
 * a photo goes to tesseract as it is).
 */
export async function missingOcrTool(runner: CommandRunner, needsRaster: boolean): Promise<OcrToolProblem | null> {
  let languages: string;
  try {
    languages = (await runner("tesseract", ["--list-langs"])).toString("utf8");
  } catch (error) {
    if (notInstalled(error)) return "tesseract";
    throw error;
  }
  if (!languages.split(/\s+/).includes(OCR_LANGUAGE)) return "chi_sim";
  if (!needsRaster) return null;
  try {
    await runner("pdftoppm", ["-v"]);
  } catch (error) {
    if (notInstalled(error)) return "pdftoppm";
    throw error;
  }
  return null;
}

/** One page of a PDF file as an 8-bit grey PGM image at `dpi`. */
export function rasterisePage(
  runner: CommandRunner,
  pdfPath: string,
  page: number,
  dpi: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  return runner("pdftoppm", ["-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), pdfPath], {
    signal,
  });
}

/**
 * Recognises an image (PGM, PNG, JPEG or TIFF bytes; every page of a multi-page TIFF) into tesseract's TSV. The
 * page is read as one block of text (--psm 6): the automatic layout analysis drops the narrow 序号 column of a
 * table and the first character of its cells. One thread per tesseract: pages run in parallel instead.
 */
export async function recognise(
  runner: CommandRunner,
  image: Uint8Array,
  dpi: number | undefined,
  signal?: AbortSignal,
): Promise<string> {
  const resolution = dpi === undefined ? [] : ["--dpi", String(dpi)];
  const args = ["stdin", "stdout", "-l", OCR_LANGUAGE, "--psm", "6", ...resolution, "tsv"];
  const output = await runner("tesseract", args, { input: image, env: { OMP_THREAD_LIMIT: "1" }, signal });
  return output.toString("utf8");
}
