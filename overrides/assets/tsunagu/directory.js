// tsunagu directory: filters, and the state of every line, computed on the device in Japan time
// (opening.js). No request is made; everything needed is in the page (#tg-directory-data). Without this
// script the whole list is shown, each line with its hours in words.
(function () {
  "use strict";
  // A service's ages [min, max] (null: no limit) overlap an age band [low, high]: selfcheck.matching.ages_overlap.
  function overlaps(ages, band) {
    var low = ages[0] === null ? 0 : ages[0], high = ages[1] === null ? 120 : ages[1];
    return low <= band[1] && band[0] <= high;
  }

  // With a ward chosen, a service for another ward is left out; one for the whole city, the prefecture or Japan
  // stays: selfcheck.matching.area_fits.
  function inArea(area, chosen, specificAreas) {
    return !chosen || area === chosen || specificAreas.indexOf(area) < 0;
  }

  // node runs these against the tables pytest runs on the Python (tests/data/age-cases.json, area-cases.json).
  if (typeof module === "object" && module.exports) module.exports = { overlaps: overlaps, inArea: inArea };
  if (typeof document === "undefined") return;
  var dataEl = document.getElementById("tg-directory-data");
  var form = document.getElementById("tg-filters");
  var opening = window.tsunaguOpening;
  if (!dataEl || !form || !opening) return;
  var data = JSON.parse(dataEl.textContent);
  var hoursData = opening.pageData();
  var entries = Array.prototype.slice.call(document.querySelectorAll(".tg-entry[data-id]"));
  // Each entry's own list, so a ward's entries can be moved to the top and put back in their place.
  var homes = entries.map(function (el) { return el.parentNode; });
  // Each entry's contact lines, found once (a city may list a thousand services).
  var rowsOf = entries.map(function (el) {
    return Array.prototype.slice.call(el.querySelectorAll("[data-tg-line]"));
  });
  var groups = Array.prototype.slice.call(document.querySelectorAll(".tg-group"));
  var wardGroup = document.querySelector('.tg-group[data-group="ward"]');
  var wardList = wardGroup ? wardGroup.querySelector("ul") : null;
  var lists = homes.filter(function (list, i) { return homes.indexOf(list) === i; });
  if (wardList && lists.indexOf(wardList) < 0) lists.push(wardList);
  var bar = document.getElementById("tg-results-bar");
  var count = document.getElementById("tg-count");
  var jump = document.getElementById("tg-jump");
  var none = document.getElementById("tg-none");

  // The lines of a service that fit the language, way of contact and "open now" chosen: these filters
  // pick contact points, so "English + open now" needs one line that is both.
  function fittingLines(s, f, when) {
    return s.lines.filter(function (line) {
      return opening.lineMatches(line, f.language, f.method) &&
        (!f.open || opening.isOpenAt(line.hours, when, hoursData ? hoursData.holidays : []) === true);
    });
  }

  function matches(s, f, lines) {
    if (f.topic && s.topics.indexOf(f.topic) < 0) return false;
    if (f.age && !overlaps(s.ages, data.bands[f.age])) return false;
    if ((f.language || f.method || f.open) && !lines.length) return false;
    if (!inArea(s.area, f.area, data.specific_areas)) return false;
    return true;
  }

  // In a shown entry, only the fitting lines stay visible (unless none of them is listed there).
  function showLines(rows, f, lines) {
    var keep = lines.map(function (line) { return String(line.i); });
    var narrow = (f.language || f.method || f.open) &&
      rows.some(function (r) { return keep.indexOf(r.getAttribute("data-tg-line")) >= 0; });
    rows.forEach(function (r) { setHidden(r, narrow && keep.indexOf(r.getAttribute("data-tg-line")) < 0); });
  }

  // Only what changes is written: each write to the page costs its style and layout again.
  function setHidden(el, hidden) {
    if (el.hidden !== hidden) el.hidden = hidden;
  }

  // Puts each list's entries in the order wanted, moving only those out of place.
  function arrange(wanted) {
    lists.forEach(function (list) {
      var cursor = list.firstElementChild;
      (wanted.get(list) || []).forEach(function (el) {
        if (el === cursor) cursor = cursor.nextElementSibling;
        else list.insertBefore(el, cursor);
      });
    });
  }

  function value(name) {
    var field = form.elements[name];
    return field ? field.value : "";
  }

  // The states of the lines, painted at most once a minute: they change with the minute, not with the filters.
  var painted = { minute: null, open: {} };
  function paintNow(now) {
    var minute = Math.floor(now.getTime() / 60000);
    if (hoursData && minute !== painted.minute) {
      painted = { minute: minute, open: opening.paint(document, now, hoursData) };
    }
    return painted.open;
  }

  function update() {
    // A service is "open" only through one of its lines that is open now (painted per line).
    var open = paintNow(new Date());
    var f = {
      topic: value("topic"), age: value("age"), method: value("method"), language: value("language"),
      area: value("area"), open: form.elements.open.checked
    };
    // Entries go back to their own group, open ones first; a chosen ward's own entries go to the top.
    var ward = wardGroup && f.area && data.specific_areas.indexOf(f.area) >= 0 ? f.area : "";
    var indices = entries.map(function (el, i) { return i; });
    var isOpen = function (i) { return Boolean(open[entries[i].getAttribute("data-id")]); };
    var openFirst = indices.filter(isOpen).concat(indices.filter(function (i) { return !isOpen(i); }));
    var wanted = new Map(), shown = 0, first = null, inWard = 0, when = opening.japanTime(new Date());
    openFirst.forEach(function (i) {
      var el = entries[i], s = data.services[el.getAttribute("data-id")];
      var home = ward && s.area === ward ? wardList : homes[i];
      if (!wanted.has(home)) wanted.set(home, []);
      wanted.get(home).push(el);
      var lines = fittingLines(s, f, when);
      var ok = matches(s, f, lines);
      setHidden(el, !ok);
      showLines(rowsOf[i], f, lines);
      if (ok) {
        shown++;
        if (ward && s.area === ward) inWard++;
      }
    });
    arrange(wanted);
    groups.forEach(function (g) { setHidden(g, !g.querySelector(".tg-entry:not([hidden])")); });
    if (ward) {
      wardGroup.querySelector("h2").textContent = data.text.ward.replace("{area}", data.area_names[ward])
        .replace("{count}", inWard);
    }
    first = document.querySelector(".tg-group:not([hidden]) .tg-entry:not([hidden])");
    count.textContent = data.text.count.replace("{count}", shown).replace("{total}", entries.length);
    bar.hidden = false;
    jump.hidden = !first;
    if (first) jump.setAttribute("href", "#" + first.id);
    none.hidden = shown > 0;
  }

  // The jump link lands on the first result's lines (its numbers on screen even at 200 % zoom, where a
  // long name fills the screen) and gives the keyboard focus to its first line.
  jump.addEventListener("click", function (event) {
    var entry = document.getElementById(jump.getAttribute("href").slice(1));
    if (!entry) return;
    event.preventDefault();
    (entry.querySelector(".tg-contacts") || entry).scrollIntoView({ block: "start" });
    var link = entry.querySelector(".tg-contacts a");
    if (link) link.focus({ preventScroll: true });
  });
  form.hidden = false;
  form.addEventListener("change", update);
  form.addEventListener("reset", function () { setTimeout(update, 0); });
  update();
})();
