// tsunagu: quick exit, one history entry for the whole site, and the share button.
// Quick exit: The button is a plain link that works without JavaScript; with it, the page
// is blanked first and the history entry replaced, so "Back" does not return here. Shift pressed
// three times does the same (GOV.UK's pattern; Escape is avoided because it stops page loads).
(function () {
  "use strict";
  var link = document.querySelector("[data-tg-exit]");
  if (!link) return;
  var target = link.getAttribute("href");

  function leave(event) {
    if (event) event.preventDefault();
    document.title = "";
    document.documentElement.style.backgroundColor = "#fff";
    document.body.style.visibility = "hidden";
    window.location.replace(target);
  }

  link.addEventListener("click", leave);

  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1500; });
    presses.push(now);
    if (presses.length >= 3) leave(null);
  });
})();

// One history entry for the whole site: a link to another page of this site (or to an anchor on this
// page) replaces the current entry instead of adding one. After a quick exit, "Back" then goes to
// wherever the visitor was before this site, never to a page of it. The cost: Back no longer steps
// between pages of this site (the menu and the crisis strip are on every page). Links that open
// elsewhere (new tab, download, another site, modifier keys) keep the browser's own behaviour.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var a = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!a || a.hasAttribute("download") || a.hasAttribute("data-tg-exit")) return;
    var frame = a.getAttribute("target");
    if (frame && frame !== "_self") return;
    var url = new URL(a.href, location.href);
    if (url.origin !== location.origin || !/^https?:$/.test(url.protocol)) return;
    event.preventDefault();
    window.location.replace(url.href);
  });
})();

// Home buttons in Chinese and Japanese: a line may break between words, never inside one. These
// languages have no spaces, and CSS alone breaks between any two characters (Chrome's auto-phrase does
// not cope with furigana). Each word (Intl.Segmenter) becomes an unbreakable span; a word that runs
// into furigana (話《はな》す) takes the whole <ruby> with it. Korean is handled in CSS (keep-all).
(function () {
  "use strict";
  if (!(window.Intl && Intl.Segmenter)) return;
  function outside(node, action) {  // the <ruby> that holds this text, or the text itself
    var ruby = node.parentElement.closest("ruby");
    return ruby && action.contains(ruby) ? ruby : node;
  }
  document.querySelectorAll(".tg-action:lang(zh), .tg-action:lang(ja)").forEach(function (action) {
    var lang = action.closest("[lang]").getAttribute("lang");
    var chars = [];
    var walker = document.createTreeWalker(action, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      var node = walker.currentNode;
      if (node.parentElement.closest("rt, rp")) continue;
      for (var i = 0; i < node.data.length; i++) chars.push([node, i]);
    }
    var text = chars.map(function (c) { return c[0].data[c[1]]; }).join("");
    var words = Array.from(new Intl.Segmenter(lang, { granularity: "word" }).segment(text))
      .filter(function (s) { return s.isWordLike && s.segment.length > 1; });
    // From the last word back: splitting text later in the button leaves earlier positions valid.
    words.reverse().forEach(function (word) {
      var first = chars[word.index], last = chars[word.index + word.segment.length - 1];
      var range = document.createRange();
      var start = outside(first[0], action), end = outside(last[0], action);
      if (start === first[0]) range.setStart(first[0], first[1]); else range.setStartBefore(start);
      if (end === last[0]) range.setEnd(last[0], last[1] + 1); else range.setEndAfter(end);
      if (range.startContainer !== range.endContainer &&
          range.commonAncestorContainer !== start.parentNode) return;  // spans markup we leave alone
      var span = document.createElement("span");
      span.className = "tg-word";
      span.appendChild(range.extractContents());
      range.insertNode(span);
    });
    action.classList.add("tg-words");
  });
})();

// Share: the phone's share sheet (Web Share API) where there is one, else copy the link; if copying is
// not allowed either, show the address to copy by hand. Shares the canonical address, nothing added.
(function () {
  "use strict";
  var box = document.querySelector("[data-tg-share]");
  if (!box) return;
  var button = box.querySelector("button");
  var status = box.querySelector("[role=status]");
  var url = box.getAttribute("data-url");
  var canShare = typeof navigator.share === "function";
  if (!canShare) button.textContent = box.getAttribute("data-copy");
  box.hidden = false;

  function manual() {
    status.textContent = box.getAttribute("data-manual") + " " + url;
  }

  button.addEventListener("click", function () {
    status.textContent = "";
    if (canShare) {
      navigator.share({ title: box.getAttribute("data-title"), url: url }).catch(function () {});
    } else if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () {
        status.textContent = box.getAttribute("data-copied");
      }, manual);
    } else {
      manual();
    }
  });
})();

// Offline after the first visit: register the site's service worker (sw.js at the site root), then ask
// it to keep this language's essential pages, unless the visitor asked the browser to save data.
(function () {
  "use strict";
  var marker = document.querySelector("[data-tg-sw]");
  if (!marker || !("serviceWorker" in navigator)) return;
  var url = new URL(marker.getAttribute("data-tg-sw"), location.href);
  function warm(worker) {
    var connection = navigator.connection;
    if (worker && !(connection && connection.saveData)) worker.postMessage("warm");
  }
  // After a rebuild a new worker takes over with an empty cache: it gets the essentials again.
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    warm(navigator.serviceWorker.controller);
  });
  // After the load event: on a slow phone the page's own files come first, the offline copy after.
  function register() {
    navigator.serviceWorker.register(url.href, { updateViaCache: "none" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      warm(registration.active);
    }).catch(function () { /* offline use is a bonus: the page works the same without it */ });
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
