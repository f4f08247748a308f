// tsunagu self-check worker: loads Pyodide from this site (never a CDN), unpacks the selfcheck package,
// and scores answers posted by the page. It makes no request except for those static files, and keeps
// nothing: answers live only in this worker's memory for the length of one call.
let py = null;

async function init(msg) {
  const started = performance.now();
  const { loadPyodide } = await import(msg.pyodide + "pyodide.mjs");
  py = await loadPyodide({
    indexURL: msg.pyodide,
    stdLibURL: msg.pyodide + "python_stdlib.zip",
    lockFileContents: msg.lock,      // packages: none, so nothing is fetched by name
    packageBaseUrl: msg.pyodide,     // and if it ever were, only from this site
    env: { HOME: "/home/pyodide" },
  });
  // selfcheck is imported straight from its zip (zipimport): nothing to unpack.
  const archive = await (await fetch(msg.selfcheck)).arrayBuffer();
  py.FS.mkdirTree("/home/pyodide");
  py.FS.writeFile("/home/pyodide/selfcheck.zip", new Uint8Array(archive));
  py.globals.set("BUNDLE_JSON", JSON.stringify(msg.bundle));
  py.runPython(
    "import sys, json\n" +
    "sys.path.insert(0, '/home/pyodide/selfcheck.zip')\n" +
    "import selfcheck\n" +
    "BUNDLE = json.loads(BUNDLE_JSON)\n" +
    "del BUNDLE_JSON\n"
  );
  // ms and memory are for the benchmark (benchmarks/selfcheck.py); nothing is sent anywhere.
  postMessage({ type: "ready", ms: Math.round(performance.now() - started), memory: py._module.HEAPU8.length });
}

function evaluate(msg) {
  py.globals.set("ANSWERS_JSON", JSON.stringify(msg.answers));
  py.globals.set("NOW", msg.now);
  const out = py.runPython(
    "json.dumps(selfcheck.evaluate(BUNDLE, json.loads(ANSWERS_JSON), NOW))"
  );
  py.globals.delete("ANSWERS_JSON");
  postMessage({ type: "result", id: msg.id, result: JSON.parse(out) });
}

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    if (msg.type === "init") await init(msg);
    else if (msg.type === "evaluate") evaluate(msg);
  } catch (err) {
    postMessage({ type: "error", id: msg.id, message: String(err && err.message || err) });
  }
};
