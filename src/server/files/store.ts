/**
 * Evidence files on disk, content-addressed: files/ab/abcdef… under the data directory, named by the sha256 of the
 * bytes, so a file uploaded twice is kept once. An upload is streamed to a temporary file in files/.staging first and
 * renamed into place only by the transaction that records it: a refused or crashed upload never leaves a file under a
 * real name, and what it leaves in .staging the start-up sweep removes.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync, type ReadStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.js";

const SHA256 = /^[0-9a-f]{64}$/;

/** Removes a file if it is there: one unlink (rm with force walks the path with lstat first). */
export const removeIfThere = (file: string): Promise<void> =>
  unlink(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });

/** What a sweep found and removed. */
export interface SweepResult {
  /** temporary files (.staging, and .part files of older versions) */
  temporary: number;
  /** stored files no row names */
  unreferenced: number;
  bytes: number;
}

export class FileStore {
  /** The shard folders this store has made or found: made once, not at every upload. */
  private readonly made = new Set<string>();

  constructor(readonly root: string) {}

  /** Makes a folder unless this store made it already; `again` makes it even so (it was removed behind our back). */
  private async folder(dir: string, again = false): Promise<void> {
    if (this.made.has(dir) && !again) return;
    await mkdir(dir, { recursive: true });
    this.made.add(dir);
  }

  /** Runs a step that writes into `dir`, making the folder first, and again once if it has gone meanwhile. */
  private async into<T>(dir: string, step: () => Promise<T>): Promise<T> {
    await this.folder(dir);
    try {
      return await step();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      await this.folder(dir, true);
      return step();
    }
  }

  /** Where the file of a sha256 lives (it may not exist): for the backup, which copies files by path. */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  private get stagingDir(): string {
    return path.join(this.root, ".staging");
  }

  /** A new temporary file's path in the staging folder (which is made), on the store's own file system. */
  async stagingPath(): Promise<string> {
    // one stat, not a recursive mkdir at every upload (a burst of uploads made it 400 times a second)
    if (!existsSync(this.stagingDir)) await mkdir(this.stagingDir, { recursive: true });
    return path.join(this.stagingDir, `${randomBytes(12).toString("hex")}.part`);
  }

  /**
   * Moves a staged file into the store under its sha256. An existing copy is replaced by the new one (the bytes are the
   * same): its fresh modification time keeps the sweep's grace period from removing it while its row is being written.
   */
  async adopt(staged: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    await this.into(path.dirname(target), () => rename(staged, target));
  }

  /** Stores the bytes (once) and answers their sha256: for files the server makes itself (the demo's). */
  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (this.has(sha256)) return sha256;
    const staged = await this.stagingPath();
    try {
      await writeFile(staged, bytes, { flag: "wx" });
      await this.adopt(staged, sha256);
    } finally {
      await removeIfThere(staged);
    }
    return sha256;
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  read(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }

  /**
   * Removes what no one will ever ask for, when untouched since `before`: temporary files, and stored files whose
   * sha256 `referenced` does not answer. Files newer than `before` may belong to an upload still being recorded.
   */
  async sweep(referenced: (sha256s: string[]) => Promise<Set<string>>, before: Date): Promise<SweepResult> {
    const result: SweepResult = { temporary: 0, unreferenced: 0, bytes: 0 };
    const remove = async (file: string, kind: "temporary" | "unreferenced") => {
      const info = await stat(file).catch(() => null);
      if (!info?.isFile() || info.mtime >= before) return;
      await rm(file, { force: true });
      result[kind] += 1;
      result.bytes += info.size;
    };
    for (const name of await readdir(this.stagingDir).catch(() => [])) {
      await remove(path.join(this.stagingDir, name), "temporary");
    }
    const shards = (await readdir(this.root).catch(() => [])).filter((name) => /^[0-9a-f]{2}$/.test(name));
    for (const shard of shards) {
      const names = await readdir(path.join(this.root, shard));
      for (const name of names.filter((n) => n.endsWith(".part"))) {
        await remove(path.join(this.root, shard, name), "temporary");
      }
      const stored = names.filter((n) => SHA256.test(n));
      const kept = stored.length ? await referenced(stored) : new Set<string>();
      for (const sha256 of stored.filter((s) => !kept.has(s))) {
        await remove(this.pathOf(sha256), "unreferenced");
      }
    }
    return result;
  }
}

/** The evidence store of a configuration: files/ in its data directory. */
export const fileStoreOf = (config: Config) => new FileStore(path.join(config.dataDir, "files"));
