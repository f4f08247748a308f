// The trimmed standard library without docstrings and comments (called by tsunagu/publish/pyodide_assets.py).
// Pyodide's own CPython parses and unparses its own sources, so no syntax newer than the build's Python
// is misread. Usage: node scripts/pyodide-stdlib-strip.mjs KEEP_LIST OUT.zip
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [keepList, out] = process.argv.slice(2);
const keep = readFileSync(keepList, "utf8").split("\n").map(l => l.trim()).filter(l => l && !l.startsWith("#"));
const py = await loadPyodide({ indexURL: path.join(root, "node_modules", "pyodide") + "/" });
py.globals.set("KEEP", py.toPy(keep));
const bytes = py.runPython(`
import ast, io, zipfile

def strip(source: bytes) -> bytes:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)):
            node.body = body[1:] or [ast.Pass()]
    return (ast.unparse(tree) + "\\n").encode("utf-8")

keep = set(KEEP)
buffer = io.BytesIO()
with zipfile.ZipFile("/lib/python314.zip") as src, zipfile.ZipFile(buffer, "w") as dst:
    for name in src.namelist():
        if name in keep:
            data = src.read(name)
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, strip(data) if name.endswith(".py") else data, compresslevel=9)
buffer.getvalue()
`);
writeFileSync(out, bytes.toJs());
