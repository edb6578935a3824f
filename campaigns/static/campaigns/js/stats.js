/* View counting and the visitor statistics widget (DESIGN §6).

   Pages are cached, so the numbers printed in them may be minutes old. This
   script sends the page's view beacon, then shows the count it answers with
   ("Lượt xem") and the site's current visitor figures in the footer. No
   cookie, no identifier: the server recognises a visitor only for the day.
   Without JavaScript nothing is counted and the printed numbers stay.
   ES5 on purpose, like portal.js. */
(function () {
  "use strict";

  if (!window.fetch || !document.querySelector) {
    return;
  }

  var locale = document.documentElement.lang || "vi";
  var numbers = window.Intl ? new Intl.NumberFormat(locale) : null;

  function show(selector, value) {
    if (typeof value !== "number") {
      return;
    }
    var text = numbers ? numbers.format(value) : String(value);
    var nodes = document.querySelectorAll(selector);
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].textContent = text;
    }
  }

  function json(response) {
    return response.ok ? response.json() : null;
  }

  function countView() {
    var beacon = document.querySelector("[data-view-beacon]");
    if (!beacon) {
      return Promise.resolve();
    }
    return fetch(beacon.getAttribute("data-view-beacon"), {
      method: "POST",
      credentials: "omit",
      keepalive: true,
      headers: { Accept: "application/json" },
    })
      .then(json)
      .then(function (data) {
        if (data) {
          show("[data-view-count]", data.view_count);
        }
      });
  }

  function showVisitors() {
    var widget = document.querySelector("[data-visitor-stats]");
    if (!widget) {
      return;
    }
    fetch(widget.getAttribute("data-visitor-stats"), {
      credentials: "omit",
      headers: { Accept: "application/json" },
    })
      .then(json)
      .then(function (data) {
        if (!data) {
          return;
        }
        ["online", "today", "this_week", "total"].forEach(function (name) {
          show('[data-visitor-stat="' + name + '"]', data[name]);
        });
      })
      .catch(function () {});
  }

  // The visitor figures after the beacon, so that they include this visit.
  countView().then(showVisitors, showVisitors);
})();
