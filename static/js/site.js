/* Progressive enhancements only: every page works without this file. */
(function () {
  "use strict";

  // Copy-link buttons: <button data-copy-url="...">.
  document.querySelectorAll("[data-copy-url]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = button.getAttribute("data-copy-url");
      var done = function () {
        var original = button.textContent;
        button.textContent = button.getAttribute("data-copied-label") || "Đã sao chép";
        setTimeout(function () { button.textContent = original; }, 2000);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(done, function () { window.prompt("", url); });
      } else {
        window.prompt("", url);
      }
    });
  });
})();
