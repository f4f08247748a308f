// Prints the files of Pyodide's python_stdlib.zip that are imported when Pyodide starts and selfcheck
// runs: the build ships only these (a much smaller download). Run after `npm ci`:
//   node scripts/pyodide-stdlib-keep.mjs > tsunagu/publish/pyodide_stdlib_keep.txt
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const py = await loadPyodide({ indexURL: path.join(root, "node_modules", "pyodide") + "/" });
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
