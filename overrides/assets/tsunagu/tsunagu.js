// tsunagu: quick exit. The button is a plain link that works without JavaScript; with it, the page
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
