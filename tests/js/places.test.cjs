// The next-session rule of overrides/assets/tsunagu/places.js against the table tsunagu/places/schedule.py
// is tested with too. Run: node --test tests/js/
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const fs = require("node:fs");

const root = path.resolve(__dirname, "..", "..");
const places = require(path.join(root, "overrides", "assets", "tsunagu", "places.js"));
const table = JSON.parse(fs.readFileSync(path.join(root, "tests", "data", "schedule-cases.json"), "utf8"));

for (const [name, day, minute, expected] of table.cases) {
  test(`next session of ${name} on ${day} at minute ${minute} is ${expected}`, () => {
    assert.deepStrictEqual(places.nextSession(table.schedules[name], day, minute), expected);
  });
}

test("Japan day and minute do not depend on the device's time zone", () => {
  assert.deepStrictEqual(places.japanNow(new Date(Date.UTC(2026, 10, 30, 15, 30))), { iso: "2026-12-01", minute: 30 });
});

test("filters: a whole-city place shows under every ward; ages overlap; day must match", () => {
  const place = { area: "city", ages: [65, null], days: ["tue"] };
  assert.strictEqual(places.fits(place, { area: "tobata", age: "", day: "" }, "city"), true);
  assert.strictEqual(places.fits(place, { area: "", age: "0-12", day: "" }, "city"), false);
  assert.strictEqual(places.fits(place, { area: "", age: "65-120", day: "tue" }, "city"), true);
  assert.strictEqual(places.fits(place, { area: "", age: "", day: "wed" }, "city"), false);
  assert.strictEqual(places.fits({ area: "moji", ages: [null, null], days: [] }, { area: "tobata", age: "", day: "" }, "city"), false);
});
