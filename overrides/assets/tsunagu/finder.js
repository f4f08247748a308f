// tsunagu finder: "who can I talk to now?" in three or four taps. Everything is in the page: the lines are
// rendered as HTML (hidden), their data in #tg-finder-data, the holidays in #tg-hours-data. This script only
// shows, hides and orders them. No request, nothing stored, nothing in the address: Back steps back through
// the questions by history states that keep the same URL. Without this script the page shows plain links.
(function (root) {
  "use strict";
  var opening = root.tsunaguOpening || (typeof require === "function" ? require("./opening.js") : null);
  var STATE_ORDER = { open: 0, opens_at: 1, holiday: 2, unknown: 3, closed_today: 4 };
  var TYPES = ["phone", "chat", "visit"];
  var YOUNG = ["children", "teens"];
  var YOUTH_TOPICS = ["children", "youth"];

  // A service's ages [min, max] overlap a band [low, high]: selfcheck.matching.ages_overlap.
  function overlaps(ages, band) {
    var low = ages[0] === null ? 0 : ages[0], high = ages[1] === null ? 120 : ages[1];
    return low <= band[1] && band[0] <= high;
  }

  function compare(a, b) {
    for (var k = 0; k < a.length; k++) {
      if (a[k] < b[k]) return -1;
      if (a[k] > b[k]) return 1;
    }
    return 0;
  }

  // The same rule as tsunagu/finder/rank.py (tests/data/finder-cases.json runs both): the crisis strip's
  // lines first for an urgent choice, then fitting lines by state now, chat first for under-20s, then fit.
  function rank(data, prefs, when, holidays) {
    var services = data.services;
    var choice = prefs.about ? data.choices[prefs.about] : null;
    var topics = choice ? choice.topics : [];
    var kids = data.mode === "kids";
    var age = kids ? "" : prefs.age || "";
    var band = kids ? data.kids_ages : data.bands[age];
    var young = kids || YOUNG.indexOf(age) >= 0;
    var language = prefs.language || "", how = prefs.how || "";
    var top = [];
    if (choice && choice.urgent) {
      var lines = [];
      data.crisis.forEach(function (sid) {
        services[sid].lines.forEach(function (line) {
          if (TYPES.indexOf(line.type) >= 0) lines.push({ key: sid + ":" + line.i, type: line.type, n: lines.length });
        });
      });
      // The way of contact chosen first, then chat for under-20s; otherwise the strip's order.
      var weight = function (l) { return ((how && l.type !== how) ? 2 : 0) + ((young && l.type !== "chat") ? 1 : 0); };
      lines.sort(function (a, b) { return weight(a) - weight(b) || a.n - b.n; });
      top = lines.map(function (l) { return l.key; });
    }
    var onTop = top.map(function (key) { return key.split(":")[0]; });
    var found = [];
    Object.keys(services).sort().forEach(function (sid) {
      var s = services[sid];
      if (onTop.indexOf(sid) >= 0 || s.topics.indexOf("emergency") >= 0 ||
          data.specific_areas.indexOf(s.area) >= 0) return;
      var shared = s.topics.filter(function (t) { return topics.indexOf(t) >= 0; }).length;
      if (topics.length && !shared) return;
      if (band && !overlaps(s.ages, band)) return;
      if (!band && (s.ages[0] !== null || s.ages[1] !== null)) return;  // without an age, only lines for any age
      var youth = s.topics.some(function (t) { return YOUTH_TOPICS.indexOf(t) >= 0; });
      // A line made for this age (an age limit that fits, or a youth topic for under-20s) fits better.
      var limited = s.ages[0] !== null || s.ages[1] !== null;
      var score = shared + (young && youth ? 2 : 0) + (band && limited ? 1 : 0);
      s.lines.forEach(function (line) {
        if (TYPES.indexOf(line.type) < 0 || !opening.lineMatches(line, language, how)) return;
        var state = opening.stateAt(line.hours, when, holidays);
        var opens = state[1] ? Number(state[1].slice(0, 2)) * 60 + Number(state[1].slice(3)) : 0;
        found.push({ sort: [STATE_ORDER[state[0]], young && line.type !== "chat" ? 1 : 0, opens, -score, sid, line.i],
                     key: sid + ":" + line.i });
      });
    });
    found.sort(function (a, b) { return compare(a.sort, b.sort); });
    return top.concat(found.slice(0, data.limit).map(function (f) { return f.key; }));
  }

  var api = { rank: rank };
  if (typeof module === "object" && module.exports) module.exports = api;
  root.tsunaguFinder = api;
  if (typeof document === "undefined") return;

  var box = document.getElementById("tg-finder");
  var dataEl = document.getElementById("tg-finder-data");
  if (!box || !dataEl || !opening) return;
  var data = JSON.parse(dataEl.textContent);
  var hoursData = opening.pageData() || { holidays: [] };
  var form = document.getElementById("tg-finder-form");
  var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
  var result = document.getElementById("tg-finder-result");
  var list = document.getElementById("tg-finder-list");
  var items = {};
  Array.prototype.forEach.call(list.children, function (li) { items[li.getAttribute("data-key")] = li; });
  // Each line's hours come from its row (sent once, in data-tg-hours); none there: hours not known.
  Object.keys(data.services).forEach(function (sid) {
    data.services[sid].lines.forEach(function (line) {
      var row = items[sid + ":" + line.i], el = row && row.querySelector("[data-tg-hours]");
      line.hours = el ? JSON.parse(el.getAttribute("data-tg-hours")) : {};
    });
  });
  var prefs = {};
  var current = 0;

  // Step i of the questions, or the result (i === steps.length). Focus goes to the new question.
  function show(i) {
    current = i;
    steps.forEach(function (fs, k) { fs.hidden = k !== i; });
    result.hidden = i < steps.length;
    if (i < steps.length) {
      var first = steps[i].querySelector('[aria-pressed="true"]') || steps[i].querySelector("button");
      steps[i].querySelector("legend").focus();
      if (first && document.activeElement === document.body) first.focus();
    } else {
      render();
      var title = document.getElementById("tg-finder-result-title");
      var choice = prefs.about ? data.choices[prefs.about] : null;
      var first = list.querySelector(".tg-finder__item:not([hidden]) .tg-contacts");
      if (choice && choice.urgent && first) {
        // Thoughts of dying or violence: the first line's number on screen, even at 200 % zoom where the
        // heading and the urgent words would fill it; the heading still gets the focus for screen readers.
        title.focus({ preventScroll: true });
        first.scrollIntoView({ block: "start" });
      } else {
        title.focus();
      }
    }
  }

  function render() {
    var now = new Date();
    var keys = rank(data, prefs, opening.japanTime(now), hoursData.holidays);
    Object.keys(items).forEach(function (k) { items[k].hidden = true; });
    // Only the rows shown get their state painted (the others stay hidden).
    keys.forEach(function (k) { opening.paint(items[k], now, hoursData); items[k].hidden = false; list.appendChild(items[k]); });
    var choice = prefs.about ? data.choices[prefs.about] : null;
    document.getElementById("tg-finder-urgent").hidden = !(choice && choice.urgent);
    document.getElementById("tg-finder-none").hidden = keys.length > 0;
    var today = opening.japanTime(now).day.iso;
    document.getElementById("tg-finder-today").textContent = data.today.replace("{date}", today);
  }

  // Answer the current step (value "" = skipped) and go on; the history entry lets Back return here.
  function answer(value) {
    var name = steps[current].getAttribute("data-step");
    prefs[name] = value;
    var state = { tgFinder: current + 1, prefs: prefs };
    show(current + 1);
    // After the result is on screen: a history entry (same address) costs a round trip to the browser.
    setTimeout(function () { history.pushState(state, ""); }, 0);
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-back")) { history.back(); return; }
    answer(button.hasAttribute("data-skip") ? "" : button.value);
  });
  document.getElementById("tg-finder-again").addEventListener("click", function () {
    prefs = {};
    history.pushState({ tgFinder: 0, prefs: prefs }, "");
    show(0);
  });
  document.getElementById("tg-finder-print").addEventListener("click", function () { window.print(); });
  window.addEventListener("popstate", function (event) {
    var state = event.state && typeof event.state.tgFinder === "number" ? event.state : { tgFinder: 0, prefs: {} };
    prefs = state.prefs || {};
    show(state.tgFinder);
  });
  history.replaceState({ tgFinder: 0, prefs: {} }, "");
  document.getElementById("tg-finder-links").hidden = true;
  form.hidden = false;
  steps.forEach(function (fs, k) { fs.hidden = k !== 0; });
})(this);
