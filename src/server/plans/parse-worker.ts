/**
 * A worker thread of the ParsePool (parse-pool.ts): reads the plan files it is sent with the parser of src/core and
 * posts back the result, the progress of a long read (OCR), or why the file could not be read.
 */
import { parentPort } from "node:worker_threads";
import { DocumentReadError, parseDocument } from "../../core/parser/index.js";
import type { ParseRequest, WorkerMessage } from "./parse-pool.js";

const port = parentPort;
if (!port) throw new Error("parse-worker.ts runs as a worker thread of ParsePool");
const post = (message: WorkerMessage) => port.postMessage(message);

port.on("message", async ({ bytes, filename, options }: ParseRequest) => {
  try {
    const result = await parseDocument(bytes, filename, {
      ...options,
      onProgress: (progress) => post({ type: "progress", progress }),
    });
    post({ type: "done", result });
  } catch (error) {
    post({
      type: "failed",
      error:
        error instanceof DocumentReadError
          ? { readError: true, code: error.code, message: error.message, detail: error.detail }
          : { readError: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    });
  }
});
