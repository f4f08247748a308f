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

  function isYearEnd(d) { return (d.m === 12 && d.d >= 29) || (d.m === 1 && d.d <= 3); }

  // How the line treats day d: "open" (its usual hours), "closed" or "unknown" (a holiday its source does
  // not mention; a missing rule counts as unknown). A closed date wins, then closed over unknown.
  function dayRule(hours, d, holidays) {
    if ((hours.closed_dates || []).indexOf(d.iso) >= 0) return "closed";
    var rules = [];
    if (holidays.indexOf(d.iso) >= 0) rules.push(hours.public_holidays || "unknown");
    if (isYearEnd(d)) rules.push(hours.year_end || "unknown");
    return rules.indexOf("closed") >= 0 ? "closed" : rules.indexOf("unknown") >= 0 ? "unknown" : "open";
  }

  function spansOn(hours, d) {
    var spans = [];
    (hours.weekly || []).forEach(function (w) { if (w.days.indexOf(d.weekday) >= 0) spans.push(w); });
    (hours.monthly || []).forEach(function (m) { if (m.day === d.d) spans.push(m); });
    (hours.dates || []).forEach(function (x) { if (x.date === d.iso) spans.push(x); });
    return spans;
  }

  // "open", "closed", "maybe" (open unless closed for an unknown holiday) or "unknown" (hours not known).
  function status(hours, when, holidays) {
    if (hours.always) return "open";
    if (!(hours.weekly && hours.weekly.length) && !(hours.monthly && hours.monthly.length) &&
        !(hours.dates && hours.dates.length)) return "unknown";
    var starts = [[when.day, 0], [day(when.day.ms - 86400000), 1440]], maybe = false;
    for (var i = 0; i < starts.length; i++) {
      var d = starts[i][0], offset = starts[i][1], rule = dayRule(hours, d, holidays);
      if (rule === "closed") continue;
      var spans = spansOn(hours, d);
      for (var j = 0; j < spans.length; j++) {
        var opens = minutes(spans[j].opens);
        var closes = minutes(spans[j].closes) + (spans[j].next_day ? 1440 : 0);
        if (opens <= when.minute + offset && when.minute + offset < closes) {
          if (rule === "open") return "open";
          maybe = true;
        }
      }
    }
    return maybe ? "maybe" : "closed";
  }

  // true / false, or null when not known (hours not confirmed, or an unknown holiday).
  function isOpenAt(hours, when, holidays) {
    var found = status(hours, when, holidays);
    return found === "open" ? true : found === "closed" ? false : null;
  }

  // [state, "HH:MM"]: "open", "opens_at" (later today), "closed_today", "holiday" (may be closed today)
  // or "unknown".
  function stateAt(hours, when, holidays) {
    var found = status(hours, when, holidays);
    if (found === "unknown") return ["unknown", ""];
    if (found === "open") return ["open", ""];
    if (found === "maybe") return ["holiday", ""];
    var rule = dayRule(hours, when.day, holidays);
    if (rule !== "closed") {
      var later = spansOn(hours, when.day).map(function (s) { return minutes(s.opens); })
        .filter(function (m) { return m > when.minute; }).sort(function (a, b) { return a - b; });
      if (later.length) {
        if (rule === "unknown") return ["holiday", ""];
        return ["opens_at", pad(Math.floor(later[0] / 60)) + ":" + pad(later[0] % 60)];
      }
    }
    return ["closed_today", ""];
  }

  // Does one contact point ({type, languages}) fit the chosen language and way of contact? "many" (several
  // languages, ask which) fits any language but Japanese. Same rule as selfcheck/opening.py line_matches.
  function lineMatches(line, language, method) {
    if (method && line.type !== method) return false;
    if (!language) return true;
    var spoken = line.languages;
    if (language === "many") return spoken.some(function (code) { return code !== "ja"; });
    return spoken.indexOf(language) >= 0 || (language !== "ja" && spoken.indexOf("many") >= 0);
  }

  // Paint the state of every contact under `scope`, and list open contacts first in their list.
  // Returns the ids (data-tg-service) of services with at least one open contact.
  // Each line's hours, parsed once per element: the directory paints again on every filter change, and a city
  // may list a thousand services.
  var parsed = typeof WeakMap === "function" ? new WeakMap() : null;
  function hoursOf(el) {
    var hours = parsed && parsed.get(el);
    if (!hours) {
      hours = JSON.parse(el.getAttribute("data-tg-hours"));
      if (parsed) parsed.set(el, hours);
    }
    return hours;
  }

  // Only what changes is written: every write costs the page's style and layout again.
  function setText(el, text) { if (el.textContent !== text) el.textContent = text; }
  function setAttr(el, name, value) { if (el.getAttribute(name) !== value) el.setAttribute(name, value); }

  // keepOrder: the states only, no line moved (a repaint while someone reads must not move what they read).
  function paint(scope, now, data, keepOrder) {
    var when = japanTime(now || new Date());
    var open = {};
    Array.prototype.forEach.call(scope.querySelectorAll("[data-tg-hours]"), function (el) {
      var state = stateAt(hoursOf(el), when, data.holidays);
      setText(el, data.text[state[0]].replace("{time}", state[1].replace(/^0/, "")));
      setAttr(el, "class", "tg-state tg-state--" + state[0]);
      if (el.hidden) el.hidden = false;
      var row = el.closest("[data-tg-contact]");
      if (row) setAttr(row, "data-tg-state", state[0]);
      var owner = el.closest("[data-tg-service]");
      if (state[0] === "open" && owner) open[owner.getAttribute("data-tg-service")] = true;
    });
    // Open lines first, so the number beside "open now" is the first one a person sees. A row is moved only
    // when it is out of place.
    if (!keepOrder) Array.prototype.forEach.call(scope.querySelectorAll("[data-tg-contacts]"), function (list) {
      var rows = Array.prototype.slice.call(list.children);
      var cursor = list.firstElementChild;
      rows.filter(function (r) { return r.getAttribute("data-tg-state") === "open"; })
        .concat(rows.filter(function (r) { return r.getAttribute("data-tg-state") !== "open"; }))
        .forEach(function (r) {
          if (r === cursor) cursor = cursor.nextElementSibling;
          else list.insertBefore(r, cursor);
        });
    });
    return open;
  }

  function pageData() {
    var el = document.getElementById("tg-hours-data");
    return el ? JSON.parse(el.textContent) : null;
  }

  var api = { isOpenAt: isOpenAt, stateAt: stateAt, lineMatches: lineMatches, japanTime: japanTime, parseJapanTime: parseJapanTime,
              paint: paint, pageData: pageData };
  if (typeof module === "object" && module.exports) module.exports = api;
  root.tsunaguOpening = api;
  if (typeof document === "undefined") return;
  var data = pageData();
  // The directory paints its own entries when it filters (directory.js); everything else is painted here.
  if (data && !document.getElementById("tg-directory-data")) paint(document, new Date(), data);
  // A page left open (a phone keeps its tabs for days) must not go on saying "open now" after a line closes:
  // every state is painted again each minute while the page is shown, and as soon as it is shown again.
  if (data) {
    var fresh = function () { if (!document.hidden) paint(document, new Date(), data, true); };
    setInterval(fresh, 60000);
    document.addEventListener("visibilitychange", fresh);
  }
})(this);
