/* The public site's only script: a mobile menu toggle and a "copy link" button.
   Loaded with `defer`; everything works without it. ES5 on purpose, for old
   in-app browsers (Zalo, Facebook). */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  function setupNavToggle() {
    var toggle = document.querySelector("[data-nav-toggle]");
    if (!toggle) {
      return;
    }
    var list = document.getElementById(toggle.getAttribute("aria-controls"));
    if (!list) {
      return;
    }
    toggle.hidden = false;
    toggle.setAttribute("aria-expanded", "false");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      list.classList.toggle("is-open", open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        toggle.setAttribute("aria-expanded", "false");
        list.classList.remove("is-open");
        toggle.focus();
      }
    });
  }

  function copyWithSelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "visually-hidden";
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(field);
    return copied;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () {
          return true;
        },
        function () {
          return copyWithSelection(text);
        }
      );
    }
    return {
      then: function (callback) {
        callback(copyWithSelection(text));
      },
    };
  }

  function setupCopyLinks() {
    var buttons = document.querySelectorAll("[data-copy-link]");
    Array.prototype.forEach.call(buttons, function (button) {
      var container = button.closest ? button.closest(".share") : null;
      var status = container ? container.querySelector("[data-copy-status]") : null;
      button.hidden = false;
      button.addEventListener("click", function () {
        var url = button.getAttribute("data-copy-link");
        copyText(url).then(function (copied) {
          if (!status) {
            return;
          }
          status.textContent = copied
            ? button.getAttribute("data-copied-message")
            : button.getAttribute("data-failed-message") + " " + url;
        });
      });
    });
  }

  setupNavToggle();
  setupCopyLinks();
})();
