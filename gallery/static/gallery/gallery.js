/* The album viewer and click-to-load videos. Without JavaScript every photo is a plain link to
   its large version and a YouTube video is a plain link to YouTube; this only improves them.
   Keyboard: Enter opens a photo, ← and → move, Esc closes; focus returns to the photo. */
(function () {
  "use strict";

  function setupViewer() {
    var dialog = document.querySelector("[data-viewer]");
    var links = Array.prototype.slice.call(document.querySelectorAll("[data-album-photo]"));
    if (!dialog || !links.length || typeof dialog.showModal !== "function") return;
    // Made here, not in the page: an <img> without src is invalid HTML until a photo is shown.
    var image = document.createElement("img");
    image.className = "viewer__image";
    image.alt = "";
    image.setAttribute("data-viewer-image", "");
    var figure = dialog.querySelector(".viewer__figure");
    figure.insertBefore(image, figure.firstChild);
    var caption = dialog.querySelector("[data-viewer-caption]");
    var count = dialog.querySelector("[data-viewer-count]");
    var current = 0;
    var opener = null;

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      image.src = link.href;
      image.alt = link.getAttribute("data-caption") || "";
      image.width = +link.getAttribute("data-width") || 0;
      image.height = +link.getAttribute("data-height") || 0;
      caption.textContent = link.getAttribute("data-caption") || "";
      count.textContent = "(" + (current + 1) + "/" + links.length + ")";
    }

    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        opener = link;
        show(index);
        dialog.showModal();
        dialog.querySelector("[data-viewer-next]").focus();
      });
    });
    dialog.querySelector("[data-viewer-prev]").addEventListener("click", function () { show(current - 1); });
    dialog.querySelector("[data-viewer-next]").addEventListener("click", function () { show(current + 1); });
    dialog.querySelector("[data-viewer-close]").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { event.preventDefault(); show(current - 1); }
      else if (event.key === "ArrowRight") { event.preventDefault(); show(current + 1); }
    });
    dialog.addEventListener("close", function () {
      image.removeAttribute("src");
      if (opener) links[current].focus();
    });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close(); // a click on the backdrop
    });
  }

  function setupVideos() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-video-play]"), function (play) {
      play.addEventListener("click", function (event) {
        var frame = play.closest("[data-video-embed]");
        if (!frame) return;
        event.preventDefault();
        var iframe = document.createElement("iframe");
        iframe.src = frame.getAttribute("data-video-embed");
        iframe.title = frame.getAttribute("data-video-title") || "Video";
        iframe.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
        iframe.referrerPolicy = "strict-origin-when-cross-origin";
        iframe.setAttribute("allowfullscreen", "");
        frame.textContent = "";
        frame.appendChild(iframe);
        iframe.focus();
      });
    });
  }

  setupViewer();
  setupVideos();
})();
