// tsunagu read aloud: the browser's own speech synthesis with a voice on this device only. A cloud voice
// (localService false) would send the page's text to a speech service, so it is never used; with no local
// voice for the page's language the button stays hidden. No request is made by this script.
(function (root) {
  "use strict";
  // Which regional voice reads a page best when the page's language has no region (zh pages are simplified).
  var REGION = { ja: "jp", zh: "cn", ko: "kr", vi: "vn" };
  var BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,figcaption,summary,blockquote";
  var SKIP = "script,style,rt,rp,[hidden],.tg-tools,.tg-share,.headerlink,form,.md-source-file";

  function norm(tag) {
    return String(tag || "").toLowerCase().replace(/_/g, "-");
  }

  // The voice to read a page in `lang` with: on this device only, the exact language first, then the
  // language's usual region, then the device's default for that language, then any; null when none.
  function pickVoice(voices, lang) {
    var want = norm(lang), primary = want.split("-")[0];
    if (!primary) return null;
    var local = Array.prototype.filter.call(voices || [], function (v) {
      return v && v.localService === true && norm(v.lang).split("-")[0] === primary;
    });
    function find(test) {
      for (var i = 0; i < local.length; i++) if (test(local[i])) return local[i];
      return null;
    }
    return find(function (v) { return norm(v.lang) === want; }) ||
      (REGION[primary] ? find(function (v) { return norm(v.lang) === primary + "-" + REGION[primary]; }) : null) ||
      find(function (v) { return v["default"] === true; }) || local[0] || null;
  }

  // Short pieces: some engines stop a long utterance after about 15 s.
  function pieces(text) {
    var out = [];
    String(text).split(/(?<=[。．！？!?.])\s*/).forEach(function (s) {
      s = s.replace(/\s+/g, " ").trim();
      while (s.length > 200) { out.push(s.slice(0, 200)); s = s.slice(200); }
      if (s) out.push(s);
    });
    return out;
  }

  // The page's text in reading order: innermost blocks only (so nothing is read twice), readings of
  // furigana (<rt>) left out (the kanji are read already).
  function pageText(scope) {
    var blocks = Array.prototype.filter.call(scope.querySelectorAll(BLOCKS), function (el) {
      return !el.closest(SKIP) && !el.querySelector(BLOCKS);
    });
    return blocks.map(function (el) {
      var copy = el.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll(SKIP), function (x) { x.remove(); });
      return copy.textContent;
    }).join("\n");
  }

  var api = { pickVoice: pickVoice, pieces: pieces, pageText: pageText };
  if (typeof module === "object" && module.exports) module.exports = api;
  root.tsunaguReadAloud = api;
  if (typeof document === "undefined") return;

  var button = document.querySelector("[data-tg-readaloud]");
  var synth = root.speechSynthesis;
  if (!button || !synth || typeof root.SpeechSynthesisUtterance !== "function") return;
  var voice = null, speaking = false;

  function setUp() {
    voice = pickVoice(synth.getVoices(), document.documentElement.lang);
    button.hidden = !voice;
  }

  function stop() {
    speaking = false;
    synth.cancel();
    button.setAttribute("aria-pressed", "false");
    button.textContent = button.getAttribute("data-read");
  }

  button.addEventListener("click", function () {
    if (speaking) { stop(); return; }
    if (!voice || voice.localService !== true) return;
    var scope = document.querySelector("article") || document.body;
    var list = pieces(pageText(scope));
    if (!list.length) return;
    synth.cancel();
    speaking = true;
    button.setAttribute("aria-pressed", "true");
    button.textContent = button.getAttribute("data-stop");
    list.forEach(function (text, i) {
      var u = new root.SpeechSynthesisUtterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      if (i === list.length - 1) u.onend = function () { if (speaking) stop(); };
      synth.speak(u);
    });
  });
  root.addEventListener("pagehide", function () { synth.cancel(); });

  setUp();
  // Chromium lists voices only after "voiceschanged".
  if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", setUp);
})(this);
