import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

/**
 * `npm install` must not warn EBADENGINE on the Node the README promises: every installed package's `engines.node`
 * has to admit the lowest version package.json's own `engines.node` allows.
 */
const root = join(import.meta.dirname, "../..");
const promised = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).engines.node as string;

function* installedManifests(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith("@")) {
      yield* installedManifests(path);
      continue;
    }
    yield join(path, "package.json");
    const nested = join(path, "node_modules");
    try {
      yield* installedManifests(nested);
    } catch {
      // no nested node_modules
    }
  }
}

describe("installed packages", () => {
  it("all run on the lowest Node the README promises", () => {
    const lowest = semver.minVersion(promised)?.version;
    expect(lowest).toBeTruthy();
    const refusing: string[] = [];
    for (const manifest of installedManifests(join(root, "node_modules"))) {
      let pkg: { name?: string; version?: string; engines?: { node?: string } };
      try {
        pkg = JSON.parse(readFileSync(manifest, "utf8"));
      } catch {
        continue;
      }
      const wanted = pkg.engines?.node;
      if (wanted && semver.validRange(wanted) && !semver.satisfies(lowest as string, wanted)) {
        refusing.push(`${pkg.name}@${pkg.version} wants node ${wanted}`);
      }
    }
    expect(refusing).toEqual([]);
  });
});
