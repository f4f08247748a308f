// Minify built CSS and JavaScript files in place with esbuild (called by tsunagu/publish/minify.py).
// Usage: node scripts/minify.mjs FILE...   (.css, .js, .mjs; the loader follows the extension)
// Only white space, comments and names local to a function change: no syntax is lowered and no file is
// bundled, so each script keeps its own scope and behaves as its tested source does.
import { transformSync } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";

for (const file of process.argv.slice(2)) {
  const loader = file.endsWith(".css") ? "css" : "js";
  const source = readFileSync(file, "utf8");
  const { code } = transformSync(source, { loader, minify: true, legalComments: "none", charset: "utf8" });
  writeFileSync(file, code);
}
