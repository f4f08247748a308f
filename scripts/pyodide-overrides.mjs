// Our own versions of a few of Pyodide's Python files (tsunagu/publish/pyodide_overrides/, one file per path in
// python_stdlib.zip), used by scripts/pyodide-stdlib-keep.mjs and scripts/pyodide-stdlib-strip.mjs.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// { "pyodide/_package_loader.py": "<source>", ... }
export function readOverrides(folder) {
  const out = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".py")) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    out[path.relative(folder, file).split(path.sep).join("/")] = readFileSync(file, "utf8");
  }
  return out;
}
