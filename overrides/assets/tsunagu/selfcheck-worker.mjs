// tsunagu self-check worker: loads Pyodide from this site (never a CDN), unpacks the selfcheck package,
// and scores answers posted by the page. It makes no request except for those static files, and keeps
// nothing: answers live only in this worker's memory for the length of one call.
let py = null;

// The standard library is published gzipped (tsunagu/publish/pyodide_assets.py): every host serves the file as
// it is, and the browser inflates it natively. Pyodide fetches stdLibURL itself, so that one fetch is answered
// here. A host that adds Content-Encoding: gzip for the name has the browser inflate it already: the zip's own
// signature ("PK") tells.
function servingStdlib(url) {
  const realFetch = self.fetch;
  self.fetch = async function (input, init) {
    if (String(input) !== url) return realFetch.call(this, input, init);
    const response = await realFetch.call(this, input, init);
    if (!response.ok) return response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return new Response(bytes);
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")));
  };
}

// Wall-clock times of the start-up steps, for the benchmark's breakdown (benchmarks/selfcheck.py); never sent.
const clock = () => Math.round(performance.timeOrigin + performance.now());

async function init(msg) {
  const started = performance.now();
  const phases = { worker: clock() };
  servingStdlib(msg.stdlib);
  // Asked for now, so it downloads while Pyodide compiles and starts (CPU-bound on a slow phone).
  const archive = fetch(msg.selfcheck).then((response) => {
    if (!response.ok) throw new Error(`${msg.selfcheck}: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  archive.catch(() => {});  // reported where it is awaited, below
  const { loadPyodide } = await import(msg.pyodide + "pyodide.mjs");
  py = await loadPyodide({
    indexURL: msg.pyodide,
    stdLibURL: msg.stdlib,
    lockFileContents: msg.lock,      // packages: none, so nothing is fetched by name
    packageBaseUrl: msg.pyodide,     // and if it ever were, only from this site
    env: { HOME: "/home/pyodide" },
  });
  phases.runtime = clock();  // WebAssembly compiled, Python started, its standard library imported
  // selfcheck is imported straight from its zip (zipimport): nothing to unpack.
  py.FS.mkdirTree("/home/pyodide");
  py.FS.writeFile("/home/pyodide/selfcheck.zip", new Uint8Array(await archive));
  py.globals.set("BUNDLE_JSON", JSON.stringify(msg.bundle));
  py.runPython(
    "import sys, json\n" +
    "sys.path.insert(0, '/home/pyodide/selfcheck.zip')\n" +
    "import selfcheck\n" +
    "BUNDLE = json.loads(BUNDLE_JSON)\n" +
    "del BUNDLE_JSON\n"
  );
  // ms and memory are for the benchmark (benchmarks/selfcheck.py); nothing is sent anywhere.
  phases.ready = clock();
  postMessage({ type: "ready", ms: Math.round(performance.now() - started), memory: py._module.HEAPU8.length,
                phases: phases });
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
