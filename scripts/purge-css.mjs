// Reduce stylesheets to the rules the built site uses (called by tsunagu/publish/stylesheets.py).
// Usage: node scripts/purge-css.mjs SITE_DIR CSS_FILE... [--uses OTHER_CSS...]
//   -> JSON {css file: reduced css} on stdout, for the CSS_FILEs only.
// Content: every built HTML page and our own scripts (classes they add must survive). OTHER_CSS (our own
// stylesheet) is read so the custom properties it uses (var(--md-…)) are kept; it is not reduced.
import { PurgeCSS } from "purgecss";
import { readFileSync } from "node:fs";
import path from "node:path";

const [site, ...rest] = process.argv.slice(2);
const split = rest.indexOf("--uses");
const css = split < 0 ? rest : rest.slice(0, split);
const uses = split < 0 ? [] : rest.slice(split + 1);
// Custom properties our stylesheet reads, whether or not the rule that reads them is in the markup.
const ours = new Set();
for (const file of uses) for (const m of readFileSync(file, "utf8").matchAll(/var\((--[\w-]+)/g)) ours.add(m[1]);
const results = await new PurgeCSS().purge({
  content: [path.join(site, "**/*.html"), path.join(site, "assets/tsunagu/*.js")],
  css,
  // Pages are read as words (PurgeCSS's default). purgecss-from-html (pages as HTML) saved 0.45 KB gzip
  // but made this step about 10x slower (1.6 -> 17.5 s here): not worth a slower build.
  // Keep what the browser applies without a class in the markup: attribute states set by the browser
  // or by our scripts (hidden, open, aria-*).
  safelist: { greedy: [/aria-/, /\[hidden\]/, /\[open\]/], variables: [...ours].sort() },
  keyframes: false,
  fontFace: false,
  variables: true, // custom properties no kept rule uses (Material's icon SVGs) go too
});
const out = {};
for (const r of results) out[r.file] = r.css;
process.stdout.write(JSON.stringify(out));
