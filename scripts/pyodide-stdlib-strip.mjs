// The trimmed standard library as bytecode (called by tsunagu/publish/pyodide_assets.py): each kept module
// compiled by Pyodide's own CPython (so the bytecode is for exactly the interpreter that runs it) with
// optimize=2 (no docstrings, no asserts), without line tables, stored uncompressed in the zip.
// Why: at start Pyodide imports about 200 modules; compiling their source inside WebAssembly was most of the
// start-up time on a slow phone, and inflating a deflated zip inside WebAssembly cost more. zipimport loads a
// .pyc without its source. The whole file is gzipped by the build and inflated by the browser's native
// DecompressionStream (selfcheck-worker.mjs), which every host can serve as it is.
// A file of OVERRIDES (tsunagu/publish/pyodide_overrides/) is compiled in place of Pyodide's file of that name.
// Usage: node scripts/pyodide-stdlib-strip.mjs KEEP_LIST OUT.zip OVERRIDES
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";
import { readOverrides } from "./pyodide-overrides.mjs";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [keepList, out, overrides] = process.argv.slice(2);
const keep = readFileSync(keepList, "utf8").split("\n").map(l => l.trim()).filter(l => l && !l.startsWith("#"));
const py = await loadPyodide({ indexURL: path.join(root, "node_modules", "pyodide") + "/" });
py.globals.set("KEEP", py.toPy(keep));
py.globals.set("OVERRIDES", py.toPy(readOverrides(overrides)));
const bytes = py.runPython(`
import importlib.util, io, marshal, zipfile

def without_lines(code):
    # Tracebacks in the standard library lose their line numbers (the worker reports only the message);
    # the bytecode shrinks by a fifth.
    consts = tuple(without_lines(c) if hasattr(c, "co_code") else c for c in code.co_consts)
    return code.replace(co_consts=consts, co_linetable=b"")

def pyc(name: str, source: bytes) -> bytes:
    code = compile(source, "/lib/python314.zip/" + name, "exec", dont_inherit=True, optimize=2)
    # A timestamp .pyc with no source beside it: zipimport loads it without checking anything.
    return importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(without_lines(code))

keep = set(KEEP)
buffer = io.BytesIO()
with zipfile.ZipFile("/lib/python314.zip") as src, zipfile.ZipFile(buffer, "w") as dst:
    for name in src.namelist():
        if name in keep:
            data = OVERRIDES[name].encode() if name in OVERRIDES else src.read(name)
            if name.endswith(".py"):
                data, name = pyc(name, data), name + "c"
            dst.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data)
buffer.getvalue()
`);
writeFileSync(out, bytes.toJs());
