import { readErrors } from "./errors.js";

/** Caps that keep one uploaded document from exhausting the server. */
export interface ReadLimits {
  /** largest accepted input, in bytes */
  maxBytes: number;
  /** largest total size the entries of a .docx/.xlsx/.ofd may inflate to */
  maxUnzippedBytes: number;
  /** largest inflated/compressed ratio of one zip entry bigger than 1 MB */
  maxZipRatio: number;
  /** wall-clock budget for reading one document */
  timeLimitMs: number;
}

export const defaultReadLimits: ReadLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxZipRatio: 200,
  timeLimitMs: 20_000,
};

/**
 * A point in time after which reading gives up. Most reading is synchronous, so a timer alone could not stop it:
 * loops call `check()` and awaits go through `race()`.
 */
export class ReadClock {
  private readonly endsAt: number;

  constructor(private readonly limitMs: number) {
    this.endsAt = Date.now() + limitMs;
  }

  check(): void {
    if (Date.now() > this.endsAt) throw readErrors.timeout(Math.round(this.limitMs / 1000));
  }

  async race<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(readErrors.timeout(Math.round(this.limitMs / 1000))), this.endsAt - Date.now());
    });
    try {
      return await Promise.race([work, expiry]);
    } finally {
      clearTimeout(timer);
    }
  }
}
