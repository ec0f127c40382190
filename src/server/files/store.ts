/**
 * Evidence files on disk, content-addressed: files/ab/abcdef… under the data directory, named by the sha256 of the
 * bytes, so a file uploaded twice is kept once. Writes go to a temporary name first, then are renamed: a crash never
 * leaves half a file under a real name.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync, type ReadStream } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.js";

export class FileStore {
  constructor(readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Stores the bytes (once) and answers their sha256. */
  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const target = this.pathOf(sha256);
    if (existsSync(target)) return sha256;
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString("hex")}.part`;
    try {
      await writeFile(temporary, bytes, { flag: "wx" });
      await rename(temporary, target);
    } finally {
      await rm(temporary, { force: true });
    }
    return sha256;
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  read(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }
}

/** The evidence store of a configuration: files/ in its data directory. */
export const fileStoreOf = (config: Config) => new FileStore(path.join(config.dataDir, "files"));
