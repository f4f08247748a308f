// tsunagu directory: filters and "open now", computed on the device in Japan time. No request is
// made; everything needed is in the page (#tg-directory-data). Without this script the whole list
// is shown. The open-now rules are the same as selfcheck/opening.py (tests/data/hours-cases.json).
(function (root) {
  "use strict";
  var WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

  function minutes(hhmm) {
    var parts = hhmm.split(":");
    return Number(parts[0]) * 60 + Number(parts[1]);
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // A calendar day as {iso, y, m, d, weekday}; built from UTC so the device's time zone never matters.
  function day(utcMidnightMs) {
    var t = new Date(utcMidnightMs);
    var y = t.getUTCFullYear(), m = t.getUTCMonth() + 1, d = t.getUTCDate();
    return { iso: y + "-" + pad(m) + "-" + pad(d), y: y, m: m, d: d, weekday: WEEKDAYS[(t.getUTCDay() + 6) % 7],
             ms: utcMidnightMs };
  }

  // Japan time (UTC+9, no daylight saving) of a Date: the day and the minute of the day.
  function japanTime(date) {
    var jst = date.getTime() + 9 * 3600 * 1000;
    var midnight = jst - (((jst % 86400000) + 86400000) % 86400000);
    return { day: day(midnight), minute: Math.floor((jst - midnight) / 60000) };
  }

  // "2026-11-26T09:00" read as Japan time (for tests).
  function parseJapanTime(text) {
    var d = text.split("T")[0].split("-"), t = text.split("T")[1];
    return { day: day(Date.UTC(+d[0], +d[1] - 1, +d[2])), minute: minutes(t) };
  }

  function closedOn(hours, d, holidays) {
    if (hours.closed_public_holidays && holidays.indexOf(d.iso) >= 0) return true;
    if (hours.closed_year_end && ((d.m === 12 && d.d >= 29) || (d.m === 1 && d.d <= 3))) return true;
    return (hours.closed_dates || []).indexOf(d.iso) >= 0;
  }

  function spansOn(hours, d) {
    var spans = [];
    (hours.weekly || []).forEach(function (w) { if (w.days.indexOf(d.weekday) >= 0) spans.push(w); });
    (hours.monthly || []).forEach(function (m) { if (m.day === d.d) spans.push(m); });
    (hours.dates || []).forEach(function (x) { if (x.date === d.iso) spans.push(x); });
    return spans;
  }

  // true / false, or null when the hours are not known (e.g. they vary by area).
  function isOpenAt(hours, when, holidays) {
    if (hours.always) return true;
    if (!(hours.weekly && hours.weekly.length) && !(hours.monthly && hours.monthly.length) &&
        !(hours.dates && hours.dates.length)) return null;
    var starts = [[when.day, 0], [day(when.day.ms - 86400000), 1440]];
    for (var i = 0; i < starts.length; i++) {
      var d = starts[i][0], offset = starts[i][1];
      if (closedOn(hours, d, holidays)) continue;
      var spans = spansOn(hours, d);
      for (var j = 0; j < spans.length; j++) {
        var opens = minutes(spans[j].opens);
        var closes = minutes(spans[j].closes) + (spans[j].next_day ? 1440 : 0);
        if (opens <= when.minute + offset && when.minute + offset < closes) return true;
      }
    }
    return false;
  }

  var api = { isOpenAt: isOpenAt, japanTime: japanTime, parseJapanTime: parseJapanTime };
  if (typeof module === "object" && module.exports) module.exports = api;
  root.tsunaguOpening = api;
  if (typeof document === "undefined") return;

  var dataEl = document.getElementById("tg-directory-data");
  var form = document.getElementById("tg-filters");
  if (!dataEl || !form) return;
  var data = JSON.parse(dataEl.textContent);
  var entries = Array.prototype.slice.call(document.querySelectorAll(".tg-entry[data-id]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".tg-group"));
  var count = document.getElementById("tg-count");
  var none = document.getElementById("tg-none");

  function overlaps(ages, band) {
    var low = ages[0] === null ? 0 : ages[0], high = ages[1] === null ? 120 : ages[1];
    return low <= band[1] && band[0] <= high;
  }

  function matches(s, f) {
    if (f.topic && s.topics.indexOf(f.topic) < 0) return false;
    if (f.age && !overlaps(s.ages, data.bands[f.age])) return false;
    if (f.method && s.methods.indexOf(f.method) < 0) return false;
    if (f.language && s.languages.indexOf(f.language) < 0 &&
        !(f.language !== "ja" && s.languages.indexOf("many") >= 0)) return false;
    if (f.area && s.area !== f.area && data.specific_areas.indexOf(s.area) >= 0) return false;
    if (f.open && !s.open) return false;
    return true;
  }

  function value(name) {
    var field = form.elements[name];
    return field ? field.value : "";
  }

  function update() {
    var now = japanTime(new Date());
    var f = {
      topic: value("topic"), age: value("age"), method: value("method"), language: value("language"),
      area: value("area"), open: form.elements.open.checked
    };
    var shown = 0;
    entries.forEach(function (el) {
      var s = data.services[el.getAttribute("data-id")];
      s.open = s.hours.some(function (h) { return isOpenAt(h, now, data.holidays) === true; });
      var badge = el.querySelector(".tg-open");
      if (badge) badge.hidden = !s.open;
      var ok = matches(s, f);
      el.hidden = !ok;
      if (ok) shown++;
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector(".tg-entry:not([hidden])"); });
    count.textContent = data.text.count.replace("{count}", shown).replace("{total}", entries.length);
    count.hidden = false;
    none.hidden = shown > 0;
  }

  form.hidden = false;
  form.addEventListener("change", update);
  form.addEventListener("reset", function () { setTimeout(update, 0); });
  update();
})(this);
