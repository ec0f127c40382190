/**
 * Plan files are read off the server's event loop: a few worker threads run the parser (src/core/parser), each read
 * capped in time. A 20 MB text or a plan of thousands of tasks takes seconds of CPU, and on the server's own thread
 * every other user's request would wait for it. A read over the cap ends its worker (the next read starts another)
 * and is refused as document_timeout; reads beyond the pool's size wait their turn.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import {
  type DocumentFormat,
  DocumentReadError,
  type ParseOptions,
  type ParseResult,
} from "../../core/parser/index.js";
import type { DocumentReadErrorCode } from "../../core/parser/readers/errors.js";
import { readErrors } from "../../core/parser/readers/errors.js";
import type { ReadProgress } from "../../core/parser/types.js";

export type Parsed = ParseResult & { format: DocumentFormat };
export type ReadOptions = ParseOptions & { onProgress?: (progress: ReadProgress) => void };
/** Reads a plan file: parseDocument, here or in a worker. */
export type PlanReader = (bytes: Uint8Array, filename: string, options?: ReadOptions) => Promise<Parsed>;

/** What the pool posts to a worker, and what a worker posts back (parse-worker.ts). */
export interface ParseRequest {
  bytes: Uint8Array;
  filename: string;
  options: ParseOptions;
}
export type WorkerMessage =
  | { type: "progress"; progress: ReadProgress }
  | { type: "done"; result: Parsed }
  | {
      type: "failed";
      error:
        | { readError: true; code: DocumentReadErrorCode; message: string; detail?: string }
        | { readError: false; message: string };
    };

interface Job {
  request: ParseRequest;
  onProgress?: (progress: ReadProgress) => void;
  resolve: (parsed: Parsed) => void;
  reject: (error: Error) => void;
}

/**
 * The worker's script: the bundle's parse-worker.js beside it (scripts/build-cli.mjs), or, run from the sources, the
 * TypeScript file through tsx.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./parse-worker.js", here));
  // tsx's ES module entry: require.resolve would give its CommonJS one, which cannot register the loader here
  const tsxDir = path.dirname(createRequire(here).resolve("tsx/package.json"));
  const tsx = pathToFileURL(path.join(tsxDir, "dist/esm/api/index.mjs")).href;
  const entry = new URL("./parse-worker.ts", here).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true });
}

export class ParsePool {
  readonly #idle: Worker[] = [];
  #running = 0;
  readonly #queue: Job[] = [];
  #closed = false;

  constructor(
    private readonly size: number,
    private readonly timeoutMs: number,
  ) {}

  read: PlanReader = (bytes, filename, { onProgress, ...options } = {}) =>
    new Promise<Parsed>((resolve, reject) => {
      if (this.#closed) return reject(new Error("the parse pool is closed"));
      this.#queue.push({ request: { bytes, filename, options }, onProgress, resolve, reject });
      this.#next();
    });

  /** Ends the workers; reads still waiting are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error("the server is shutting down"));
    await Promise.all(this.#idle.splice(0).map((worker) => worker.terminate()));
  }

  #next(): void {
    while (!this.#closed && this.#queue.length > 0 && this.#running < this.size) {
      const job = this.#queue.shift() as Job;
      this.#running++;
      this.#run(this.#idle.pop() ?? startWorker(), job);
    }
  }

  #run(worker: Worker, job: Job): void {
    worker.ref();
    const finish = (keep: boolean) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      this.#running--;
      if (keep && !this.#closed) {
        // an idle worker does not keep the process alive
        worker.unref();
        this.#idle.push(worker);
      } else {
        void worker.terminate();
      }
      this.#next();
    };
    const onMessage = (message: WorkerMessage) => {
      if (message.type === "progress") return job.onProgress?.(message.progress);
      finish(true);
      if (message.type === "done") return job.resolve(message.result);
      const { error } = message;
      job.reject(
        error.readError ? new DocumentReadError(error.code, error.message, error.detail) : new Error(error.message),
      );
    };
    const onError = (error: Error) => {
      finish(false);
      job.reject(error);
    };
    const onExit = (code: number) => {
      finish(false);
      job.reject(new Error(`the parse worker stopped (exit code ${code})`));
    };
    const timer = setTimeout(() => {
      finish(false);
      job.reject(readErrors.timeout(Math.ceil(this.timeoutMs / 1000)));
    }, this.timeoutMs);
    worker.on("message", onMessage);
    worker.once("error", onError);
    worker.once("exit", onExit);
    worker.postMessage(job.request);
  }
}
