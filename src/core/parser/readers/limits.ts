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
  /** wall-clock budget for reading a scan, OCR included */
  ocrTimeLimitMs: number;
  /** a longer scan is recognised for its first this many pages only, with a warning */
  ocrMaxPages: number;
  /** a scan of more pages than this is refused: it should be split */
  ocrRefusePages: number;
}

export const defaultReadLimits: ReadLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxZipRatio: 200,
  timeLimitMs: 20_000,
  ocrTimeLimitMs: 180_000,
  ocrMaxPages: 50,
  ocrRefusePages: 200,
};

/**
 * A point in time after which reading gives up. Most reading is synchronous, so a timer alone could not stop it:
 * loops call `check()` and awaits go through `race()`.
 */
export class ReadClock {
  private endsAt: number;
  private readonly startedAt = Date.now();

  constructor(private limitMs: number) {
    this.endsAt = this.startedAt + limitMs;
  }

  /** Gives the read a larger budget from its start (a scan found: OCR takes longer than reading text). */
  extend(limitMs: number): void {
    if (limitMs <= this.limitMs) return;
    this.limitMs = limitMs;
    this.endsAt = this.startedAt + limitMs;
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
