// The finder's result order (overrides/assets/tsunagu/finder.js) against the table tsunagu/finder/rank.py is
// tested with too (tests/data/finder-cases.json). Run: node --test tests/js/
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const fs = require("node:fs");

const root = path.resolve(__dirname, "..", "..");
const opening = require(path.join(root, "overrides", "assets", "tsunagu", "opening.js"));
const finder = require(path.join(root, "overrides", "assets", "tsunagu", "finder.js"));
const table = JSON.parse(fs.readFileSync(path.join(root, "tests", "data", "finder-cases.json"), "utf8"));

for (const [name, mode, prefs, when, expected] of table.cases) {
  test(`finder: ${name}`, () => {
    const data = Object.assign({}, table, { mode: mode, choices: table.choices[mode] });
    assert.deepStrictEqual(finder.rank(data, prefs, opening.parseJapanTime(when), table.holidays), expected);
  });
}
