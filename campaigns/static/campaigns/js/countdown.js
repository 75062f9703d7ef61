/* Countdown blocks: the page already says "Còn N ngày" without JavaScript; this makes it tick.
   The target is midnight at the start of the target day, Vietnam time (UTC+7). */
(function () {
  "use strict";

  var DAY = 86400000;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function setup(box) {
    var date = box.getAttribute("data-countdown");
    var text = box.querySelector("[data-countdown-text]");
    var clock = box.querySelector("[data-countdown-clock]");
    if (!date || !text) { return; }
    var target = Date.parse(date + "T00:00:00+07:00");
    if (isNaN(target)) { return; }
    var lastText = text.textContent;

    function tick() {
      var diff = target - Date.now();
      var message;
      if (diff <= -DAY) {
        message = box.getAttribute("data-countdown-past");
        if (clock) { clock.hidden = true; }
      } else if (diff <= 0) {
        message = box.getAttribute("data-countdown-today");
        if (clock) { clock.hidden = true; }
      } else {
        // Calendar days left, as the server counts them; the clock shows the time to midnight.
        message = (box.getAttribute("data-countdown-days") || "Còn {n} ngày")
          .replace("{n}", String(Math.ceil(diff / DAY)));
        if (clock) {
          var seconds = Math.floor(diff / 1000);
          var d = Math.floor(seconds / 86400);
          var h = Math.floor((seconds % 86400) / 3600);
          var m = Math.floor((seconds % 3600) / 60);
          var s = seconds % 60;
          clock.textContent = d + " ngày " + pad(h) + ":" + pad(m) + ":" + pad(s);
          // The ticking clock is for the eyes only (aria-hidden set when shown: on a hidden
          // element it is redundant, a Nu checker warning).
          clock.setAttribute("aria-hidden", "true");
          clock.hidden = false;
        }
      }
      if (message && message !== lastText) {  // screen readers hear only day changes
        text.textContent = message;
        lastText = message;
      }
      if (diff > -DAY) { window.setTimeout(tick, 1000 - (Date.now() % 1000)); }
    }
    tick();
  }

  document.querySelectorAll("[data-countdown]").forEach(setup);
})();
