// The rules the pages apply on the phone (overrides/assets/tsunagu/directory.js, selfcheck.js) against the
// tables that tests/unit/test_shared_rules.py runs on the Python. Run: node --test tests/js/
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const fs = require("node:fs");

const root = path.resolve(__dirname, "..", "..");
const assets = path.join(root, "overrides", "assets", "tsunagu");
const directory = require(path.join(assets, "directory.js"));
const selfcheck = require(path.join(assets, "selfcheck.js"));
const table = (name) => JSON.parse(fs.readFileSync(path.join(root, "tests", "data", name), "utf8"));

const ages = table("age-cases.json");
for (const [limits, band, expected] of ages.cases) {
  test(`ages ${JSON.stringify(limits)} overlap ${band}: ${expected}`, () => {
    assert.strictEqual(directory.overlaps(limits, ages.bands[band]), expected);
  });
}

const areas = table("area-cases.json");
for (const [area, chosen, expected] of areas.cases) {
  test(`a service for ${area} with ${JSON.stringify(chosen)} chosen fits: ${expected}`, () => {
    assert.strictEqual(directory.inArea(area, chosen, areas.specific_areas), expected);
  });
}

for (const [text, html, plain] of table("ruby-cases.json").cases) {
  test(`furigana: ${JSON.stringify(text)}`, () => {
    assert.strictEqual(selfcheck.ruby(text), html);
    assert.strictEqual(selfcheck.plain(text), plain);
  });
}

const sc = table("selfcheck-cases.json");
for (const c of sc.cases) {
  test(`self-check answers ${JSON.stringify(c.answers)}`, () => {
    const missing = selfcheck.missing(sc, c.answers);
    if (c.missing) {
      assert.deepStrictEqual(missing, c.missing);
      return;
    }
    assert.deepStrictEqual(missing, []);
    const score = selfcheck.total(sc, c.answers);
    assert.strictEqual(score, c.score);
    assert.strictEqual(selfcheck.groupFor(sc, score).id, c.group);
    assert.strictEqual(selfcheck.leadsWithUrgent(sc, c.answers), c.urgent_first);
  });
}

for (const [score, group] of sc.groups) {
  test(`score ${score} is in group ${group}`, () => {
    const found = selfcheck.groupFor(sc, score);
    assert.strictEqual(found === null ? null : found.id, group);
  });
}
