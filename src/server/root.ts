import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder above this module that holds package.json: the same from the sources and from the CLI bundle. */
function findRoot(from: string): string {
  let dir = path.dirname(fileURLToPath(from));
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`fazhi: no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The installed product's folder: package.json, drizzle/ migrations, dist/web. */
export const ROOT = findRoot(import.meta.url);
