// Prints the files of Pyodide's python_stdlib.zip that are imported when Pyodide starts and selfcheck
// runs: the build ships only these (a much smaller download). Pyodide is started with our overrides in place
// (tsunagu/publish/pyodide_overrides/), as the site ships it. Run after `npm ci`:
//   node scripts/pyodide-stdlib-keep.mjs > tsunagu/publish/pyodide_stdlib_keep.txt
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { readOverrides } from "./pyodide-overrides.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const indexURL = path.join(root, "node_modules", "pyodide") + "/";
// The whole standard library with the overrides in place (made by a first Pyodide: its zipfile module).
const first = await loadPyodide({ indexURL });
first.globals.set("OVERRIDES", first.toPy(readOverrides(path.join(root, "tsunagu", "publish", "pyodide_overrides"))));
const patched = first.runPython(`
import io, zipfile
out = io.BytesIO()
with zipfile.ZipFile("/lib/python314.zip") as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
    for name in src.namelist():
        dst.writestr(name, OVERRIDES[name] if name in OVERRIDES else src.read(name))
out.getvalue()
`).toJs();
const work = mkdtempSync(path.join(tmpdir(), "tsunagu-keep-"));
const stdlib = path.join(work, "python_stdlib.zip");
writeFileSync(stdlib, patched);
const py = await loadPyodide({ indexURL, stdLibURL: stdlib });
rmSync(work, { recursive: true, force: true });
py.FS.mkdirTree("/home/pyodide/tsunagu");
py.FS.mount(py.FS.filesystems.NODEFS, { root: root }, "/home/pyodide/tsunagu");
const files = py.runPython(`
import sys, json
sys.path.insert(0, "/home/pyodide/tsunagu")
import selfcheck, selfcheck.result, selfcheck.opening, json, datetime, dataclasses
sorted({m.__file__.split("python314.zip/")[1] for m in list(sys.modules.values())
        if "python314.zip/" in (getattr(m, "__file__", None) or "")})
`).toJs();
console.log("# Files of python_stdlib.zip that Pyodide imports at start, plus what selfcheck imports.");
console.log("# Regenerate with: node scripts/pyodide-stdlib-keep.mjs > tsunagu/publish/pyodide_stdlib_keep.txt");
for (const f of files) console.log(f);
