// The open-now rules of the pages (overrides/assets/tsunagu/opening.js) against the shared table that
// selfcheck/opening.py is tested with too. Run: node --test tests/js/
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const fs = require("node:fs");

const root = path.resolve(__dirname, "..", "..");
const opening = require(path.join(root, "overrides", "assets", "tsunagu", "opening.js"));
const table = JSON.parse(fs.readFileSync(path.join(root, "tests", "data", "hours-cases.json"), "utf8"));

for (const [name, when, expected] of table.cases) {
  test(`${name} at ${when} is ${expected}`, () => {
    const actual = opening.isOpenAt(table.hours[name], opening.parseJapanTime(when), table.holidays);
    assert.strictEqual(actual, expected);
  });
}

for (const [name, when, state, time] of table.states) {
  test(`state of ${name} at ${when} is ${state} ${time}`, () => {
    const actual = opening.stateAt(table.hours[name], opening.parseJapanTime(when), table.holidays);
    assert.deepStrictEqual(actual, [state, time]);
  });
}

for (const [name, language, method, fits] of table.line_cases) {
  test(`line ${name} with language '${language}' and method '${method}' fits: ${fits}`, () => {
    assert.strictEqual(opening.lineMatches(table.lines[name], language, method), fits);
  });
}

test("Japan time does not depend on the device's time zone", () => {
  const t = opening.japanTime(new Date(Date.UTC(2026, 10, 26, 15, 30)));
  assert.strictEqual(t.day.iso, "2026-11-27");
  assert.strictEqual(t.minute, 30);
  assert.strictEqual(t.day.weekday, "fri");
});
