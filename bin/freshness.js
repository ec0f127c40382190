// Whether a build output is older than its sources: decides when `fazhi` runs its bundle and when the web app is rebuilt.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** The newest modification time under a file or folder, 0 when it does not exist. */
export function newestMtime(target) {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when the output is missing or any source is newer. */
export function isStale(output, sources) {
  const built = newestMtime(output);
  return built === 0 || sources.some((source) => newestMtime(source) > built);
}
