// Runs tests/selfcheck_checks.py inside real Pyodide (the pinned npm package, with the same trimmed
// standard library the site ships). Usage: node tests/pyodide/run.mjs <site-stdlib.zip> <bundle.json>...
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const [stdlib, ...bundles] = process.argv.slice(2);
const py = await loadPyodide({
  indexURL: path.join(root, "node_modules", "pyodide") + "/",
  stdLibURL: stdlib,
  lockFileContents: JSON.stringify({ info: JSON.parse(readFileSync(path.join(root, "node_modules", "pyodide",
    "pyodide-lock.json"), "utf8")).info, packages: {} }),
});
py.FS.mkdirTree("/repo");
py.FS.mount(py.FS.filesystems.NODEFS, { root }, "/repo");
let passed = 0, failed = 0;
for (const file of bundles) {
  py.globals.set("BUNDLE_JSON", readFileSync(file, "utf8"));
  const out = py.runPython(`
import sys, json, traceback
sys.path[:0] = ["/repo", "/repo/tests"]
import selfcheck_checks
bundle = json.loads(BUNDLE_JSON)
report = []
for check in selfcheck_checks.CHECKS:
    try:
        check(bundle)
        report.append([check.__name__, "ok"])
    except Exception:
        report.append([check.__name__, traceback.format_exc()])
json.dumps({"python": sys.version.split()[0], "report": report})
`);
  const { python, report } = JSON.parse(out);
  for (const [name, outcome] of report) {
    if (outcome === "ok") passed++; else { failed++; console.log(`FAIL ${path.basename(file)} ${name}\n${outcome}`); }
  }
  console.log(`pyodide ${py.version}, Python ${python}: ${path.basename(file)} checked`);
}
// What start-up imported: with tsunagu's package loader (tsunagu/publish/pyodide_overrides/), no wheel tools.
console.log("started with: " + py.runPython(`
import sys, pyodide._package_loader as loader
" ".join(["our package loader" if hasattr(loader, "NO_PACKAGES") else "Pyodide's package loader"]
         + [m for m in ("shutil", "tempfile", "zipfile", "random", "lzma", "bz2") if m in sys.modules])
`));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
