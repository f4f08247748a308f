// Minify built CSS and JavaScript files in place with esbuild (called by tsunagu/publish/minify.py).
// Usage: node scripts/minify.mjs FILE...   (.css, .js, .mjs; the loader follows the extension)
// Only white space, comments and names local to a function change: no syntax is lowered and no file is
// bundled, so each script keeps its own scope and behaves as its tested source does.
import { transformSync } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";

for (const file of process.argv.slice(2)) {
  const loader = file.endsWith(".css") ? "css" : "js";
  const source = readFileSync(file, "utf8");
  try {
    const { code } = transformSync(source, { loader, minify: true, legalComments: "none", charset: "utf8",
                                             sourcefile: file });
    writeFileSync(file, code);
  } catch (e) {
    // One line per problem, with the file: the build shows it as its error.
    for (const m of e.errors || [{ text: String(e) }]) {
      const where = m.location ? `${file}:${m.location.line}:${m.location.column}` : file;
      process.stderr.write(`${where}: ${m.text}\n`);
    }
    process.exit(1);
  }
}
