import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseText } from "../parse-text.js";
import { type Score, scoreParse, type TruthTask } from "./score.js";

export interface SeedScore {
  name: string;
  score: Score;
}

/**
 * Where the seed plans (seeds/) and their annotations (parser-truth/) live: a copy of the project's shared folder
 * kept beside this file, so CI needs nothing outside the repository; FAZHI_SHARED points at another copy.
 */
export function sharedDir(): string {
  return process.env.FAZHI_SHARED ?? join(import.meta.dirname, "fixtures");
}

/** The path of one seed plan, by its number ("000"). */
export function seedPath(id: string, shared = sharedDir()): string {
  const seedDir = join(shared, "seeds");
  const seed = readdirSync(seedDir).find((s) => s.startsWith(`${id}_`) && s.endsWith(".txt"));
  if (!seed) throw new Error(`no seed plan ${id} in ${seedDir}`);
  return join(seedDir, seed);
}

/** Parses every seed plan and scores it against parser-truth/NNN.json. */
export function evaluateSeeds(shared = sharedDir()): SeedScore[] {
  const truthDir = join(shared, "parser-truth");
  return readdirSync(truthDir)
    .filter((f) => /^\d+\.json$/.test(f))
    .sort()
    .map((file) => {
      const id = file.replace(".json", "");
      const truth = JSON.parse(readFileSync(join(truthDir, file), "utf8")) as { tasks: TruthTask[] };
      const result = parseText(readFileSync(seedPath(id, shared), "utf8"));
      return { name: id, score: scoreParse(result, truth.tasks) };
    });
}
