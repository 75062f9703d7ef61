/* Search box suggestions (progressive: the box is a plain GET form without this file).
 *
 * ARIA combobox with a listbox popup (WAI-ARIA APG "list autocomplete"): the input keeps focus,
 * ArrowDown/ArrowUp move the active option, Enter opens it, Escape closes the list; with nothing
 * chosen Enter submits the form as usual. Suggestions come as JSON from data-autocomplete-url. */
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY_MS = 200;
  var counter = 0;

  function setup(input) {
    var url = input.getAttribute("data-autocomplete-url");
    var form = input.form;
    if (!url || !form || !window.fetch) { return; }

    counter += 1;
    var listId = "search-suggestions-" + counter;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggestions-label") || "Gợi ý");
    list.hidden = true;
    form.classList.add("has-suggestions");
    form.appendChild(list);

    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");

    var timer = null;
    var controller = null;
    var active = -1;
    var items = [];
    var lastQuery = "";

    function close() {
      list.hidden = true;
      list.textContent = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", items[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(results) {
      close();
      if (!results.length) {
        status.textContent = "";
        return;
      }
      results.forEach(function (result, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        // An option holds text only (no nested link: ARIA options are not containers for
        // interactive content); titles are never parsed as HTML.
        li.textContent = result.title;
        li.setAttribute("data-url", result.url);
        li.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the input until the click lands
        });
        li.addEventListener("click", function () {
          window.location.href = result.url;
        });
        list.appendChild(li);
        items.push(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = results.length + " gợi ý. Dùng phím mũi tên để chọn.";
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) { return; }
      lastQuery = query;
      if (query.length < MIN_LENGTH) { close(); return; }
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      var target = url + (url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
      fetch(target, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          if (input.value.trim() === query && document.activeElement === input) {
            render(data.results || []);
          }
        })
        .catch(function () { /* offline or aborted: the form still works */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      if (list.hidden || !items.length) {
        if (event.key === "ArrowDown" && input.value.trim().length >= MIN_LENGTH) {
          lastQuery = "";
          fetchSuggestions();
        }
        return;
      }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight(active + 1 >= items.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = items[active].getAttribute("data-url");
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  }

  document.querySelectorAll("input[data-autocomplete-url]").forEach(setup);
})();
