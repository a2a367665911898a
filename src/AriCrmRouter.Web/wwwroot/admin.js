// Light progressive enhancement: every page works without this script; it only makes them quicker to use.
(function () {
  "use strict";

  // Filter a table while typing: every word must occur in the row's data-search text.
  function filterRows(input) {
    var rows = document.querySelectorAll(input.getAttribute("data-filter"));
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute("data-search") || "";
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !match;
      if (match) { shown++; }
    });
    var none = document.getElementById("no-match");
    if (none) { none.hidden = shown > 0 || rows.length === 0; }
  }

  // Show a section only while a select or radio group has a given value (Location IVR, CRM to Use).
  function controlValue(name) {
    var byId = document.getElementById(name);
    if (byId && byId.tagName === "SELECT") { return byId.value; }
    var checked = document.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : "";
  }

  function updateShown() {
    document.querySelectorAll("[data-shown-by]").forEach(function (el) {
      el.hidden = controlValue(el.getAttribute("data-shown-by")) !== el.getAttribute("data-shown-when");
    });
  }

  // Poll a fragment and replace the element's content (Recent calls).
  function live(el) {
    var refresh = function () {
      fetch(el.getAttribute("data-live"), { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null) { el.innerHTML = html; } })
        .catch(function () { /* keep the last content; the next poll tries again */ });
    };
    window.setInterval(refresh, Number(el.getAttribute("data-interval") || "2000"));
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-filter]").forEach(function (input) {
      input.addEventListener("input", function () { filterRows(input); });
      filterRows(input);
    });
    document.querySelectorAll(".nojs").forEach(function (el) { el.hidden = true; });

    updateShown();
    document.addEventListener("change", function (e) {
      if (e.target.matches("select, input[type=radio]")) { updateShown(); }
    });

    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (e) {
        if (!window.confirm(form.getAttribute("data-confirm"))) {
          e.preventDefault();
          return;
        }
        var confirmed = document.createElement("input");
        confirmed.type = "hidden";
        confirmed.name = "confirmed";
        confirmed.value = "yes";
        form.appendChild(confirmed);
      });
    });

    document.querySelectorAll("[data-live]").forEach(live);
  });
})();
