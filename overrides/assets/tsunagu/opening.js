// tsunagu: is a line open now? The state of each contact point (open now / opens at HH:MM / closed for the
// rest of today / hours not confirmed), computed on the device in Japan time. No request is made:
// the page carries the hours (data-tg-hours on each contact) and the holidays (#tg-hours-data).
// The rules are the same as selfcheck/opening.py; both run tests/data/hours-cases.json.
// Without this script, each contact still shows its hours in words.
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

  // [state, "HH:MM"]: "open", "opens_at" (later today), "closed_today" or "unknown".
  function stateAt(hours, when, holidays) {
    var opened = isOpenAt(hours, when, holidays);
    if (opened === null) return ["unknown", ""];
    if (opened) return ["open", ""];
    if (!closedOn(hours, when.day, holidays)) {
      var later = spansOn(hours, when.day).map(function (s) { return minutes(s.opens); })
        .filter(function (m) { return m > when.minute; }).sort(function (a, b) { return a - b; });
      if (later.length) return ["opens_at", pad(Math.floor(later[0] / 60)) + ":" + pad(later[0] % 60)];
    }
    return ["closed_today", ""];
  }

  // Paint the state of every contact under `scope`, and list open contacts first in their list.
  // Returns the ids (data-tg-service) of services with at least one open contact.
  function paint(scope, now, data) {
    var when = japanTime(now || new Date());
    var open = {};
    Array.prototype.forEach.call(scope.querySelectorAll("[data-tg-hours]"), function (el) {
      var state = stateAt(JSON.parse(el.getAttribute("data-tg-hours")), when, data.holidays);
      el.textContent = data.text[state[0]].replace("{time}", state[1].replace(/^0/, ""));
      el.className = "tg-state tg-state--" + state[0];
      el.hidden = false;
      var row = el.closest("[data-tg-contact]");
      if (row) row.setAttribute("data-tg-state", state[0]);
      var owner = el.closest("[data-tg-service]");
      if (state[0] === "open" && owner) open[owner.getAttribute("data-tg-service")] = true;
    });
    // Open lines first, so the number beside "open now" is the first one a person sees.
    Array.prototype.forEach.call(scope.querySelectorAll("[data-tg-contacts]"), function (list) {
      var rows = Array.prototype.slice.call(list.children);
      rows.filter(function (r) { return r.getAttribute("data-tg-state") === "open"; })
        .concat(rows.filter(function (r) { return r.getAttribute("data-tg-state") !== "open"; }))
        .forEach(function (r) { list.appendChild(r); });
    });
    return open;
  }

  function pageData() {
    var el = document.getElementById("tg-hours-data");
    return el ? JSON.parse(el.textContent) : null;
  }

  var api = { isOpenAt: isOpenAt, stateAt: stateAt, japanTime: japanTime, parseJapanTime: parseJapanTime,
              paint: paint, pageData: pageData };
  if (typeof module === "object" && module.exports) module.exports = api;
  root.tsunaguOpening = api;
  if (typeof document === "undefined") return;
  var data = pageData();
  // The directory paints its own entries when it filters (directory.js); everything else is painted here.
  if (data && !document.getElementById("tg-directory-data")) paint(document, new Date(), data);
})(this);
