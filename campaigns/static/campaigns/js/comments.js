/* Readers' comment form under an article.

   The article is cached, so it carries no CSRF token and no captcha key: only a
   "Write a comment" link to the form's own page. This script fetches the same
   form from its uncached endpoint when the reader asks for it, sends it with
   fetch, and puts the server's answer (the form with its errors, or the
   "awaits moderation" message) in its place. The captcha's "new code" button
   and audio link work in place too. Without this script (or without fetch) the
   link and the buttons work as plain HTML. ES5 on purpose, like portal.js. */
(function () {
  "use strict";

  if (!window.fetch || !window.FormData || !document.querySelector) {
    return;
  }

  var HEADERS = { "X-Requested-With": "XMLHttpRequest" };

  function get(url) {
    return fetch(url, {
      credentials: "same-origin",
      cache: "no-store",
      headers: HEADERS,
    });
  }

  /* The [data-comment-area] element of a server answer, or null if the answer
     is something else (an error page): then the plain HTML route is taken. */
  function areaFrom(html) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    return holder.querySelector("[data-comment-area]");
  }

  function fetchArea(url, options) {
    return fetch(url, options).then(function (response) {
      return response.text().then(function (text) {
        var area = areaFrom(text);
        if (!area) {
          throw new Error("Unexpected answer " + response.status);
        }
        return area;
      });
    });
  }

  function focusAnswer(area) {
    var target =
      area.querySelector("[data-comment-focus]") ||
      area.querySelector("input:not([type=hidden]):not([tabindex='-1']), textarea");
    if (target) {
      target.focus();
    }
  }

  function replaceArea(oldArea, newArea) {
    oldArea.parentNode.replaceChild(newArea, oldArea);
    setupArea(newArea);
    focusAnswer(newArea);
  }

  function setStatus(form, attribute) {
    var status = form.querySelector("[data-captcha-status]");
    if (status) {
      status.textContent = status.getAttribute(attribute) || "";
    }
  }

  /* Submit the form natively, to the full form page, asking for a new code. */
  function refreshWithoutScript(form) {
    var field = document.createElement("input");
    field.type = "hidden";
    field.name = "refresh_captcha";
    field.value = "1";
    form.appendChild(field);
    form.submit();
  }

  function setupRefresh(form) {
    var button = form.querySelector("[data-captcha-refresh]");
    if (!button) {
      return;
    }
    button.addEventListener("click", function (event) {
      event.preventDefault();
      if (button.disabled) {
        return;
      }
      button.disabled = true;
      get(button.getAttribute("data-refresh-url"))
        .then(function (response) {
          if (!response.ok) {
            throw new Error("Refresh refused " + response.status);
          }
          return response.json();
        })
        .then(function (challenge) {
          var key = form.querySelector("input[name=captcha_key]");
          var answer = form.querySelector("input[name=captcha_value]");
          var image = form.querySelector("[data-captcha-image]");
          var audio = form.querySelector("[data-captcha-audio]");
          var oldKey = key.value;
          key.value = challenge.key;
          if (image) {
            // Each density's address holds the key: swap it in every candidate.
            if (image.hasAttribute("srcset")) {
              image.setAttribute(
                "srcset",
                image.getAttribute("srcset").split(oldKey).join(challenge.key)
              );
            }
            image.src = challenge.image_url;
          }
          if (audio && challenge.audio_url) {
            audio.href = challenge.audio_url;
          }
          answer.value = "";
          answer.focus();
          setStatus(form, "data-refreshed-message");
          button.disabled = false;
        })
        .catch(function () {
          button.disabled = false;
          setStatus(form, "data-failed-message");
          refreshWithoutScript(form);
        });
    });
  }

  function setupAudio(form) {
    var link = form.querySelector("[data-captcha-audio]");
    if (!link || !window.Audio) {
      return;
    }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var player = new window.Audio(link.href);
      var playing = player.play();
      if (playing && playing.catch) {
        playing.catch(function () {
          window.location.href = link.href;
        });
      }
    });
  }

  /* Characters as the server counts them: a pair of UTF-16 halves is one. */
  function characters(text) {
    return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "_").length;
  }

  function formatNumber(number) {
    try {
      return number.toLocaleString(document.documentElement.lang || undefined);
    } catch (error) {
      return String(number);
    }
  }

  /* The live counter under "Nội dung". It shows the count at once and tells
     screen readers after a pause in typing, not at every key. Over the limit
     it warns; the text is never cut: the server refuses it and keeps it. */
  function setupCounter(form) {
    var counter = form.querySelector("[data-counter]");
    var status = form.querySelector("[data-counter-status]");
    var field = counter && form.querySelector("#" + counter.id.replace(/-counter$/, ""));
    if (!field) {
      return;
    }
    var limit = parseInt(counter.getAttribute("data-limit"), 10);
    var pause = null;
    function update(announce) {
      var count = characters(field.value);
      var over = count > limit;
      var template = counter.getAttribute(over ? "data-over" : "data-counting");
      var text = template
        .replace("{count}", formatNumber(count))
        .replace("{limit}", formatNumber(limit))
        .replace("{over}", formatNumber(count - limit));
      counter.textContent = text;
      counter.className = "comment-form__counter" + (over ? " is-over" : "");
      if (announce && status) {
        window.clearTimeout(pause);
        pause = window.setTimeout(function () {
          status.textContent = text;
        }, 1000);
      }
    }
    field.addEventListener("input", function () {
      update(true);
    });
    update(false);
  }

  function setupForm(area, form) {
    var sending = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (sending) {
        return; // a double click sends once
      }
      sending = true;
      var submit = form.querySelector("button[type=submit]:not([data-captcha-refresh])");
      if (submit) {
        submit.disabled = true;
      }
      form.setAttribute("aria-busy", "true");
      fetchArea(form.getAttribute("data-comment-fragment"), {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        cache: "no-store",
        headers: HEADERS,
      }).then(
        function (answer) {
          replaceArea(area, answer);
        },
        function () {
          // The plain route: the full form page answers the same way.
          form.submit();
        }
      );
    });
    setupRefresh(form);
    setupAudio(form);
    setupCounter(form);
  }

  function setupArea(area) {
    var form = area.querySelector("form[data-comment-fragment]");
    if (form) {
      setupForm(area, form);
    }
  }

  function setupSlot(slot) {
    var link = slot.querySelector("[data-comment-form-link]");
    if (!link) {
      return;
    }
    var loading = false;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      if (loading) {
        return;
      }
      loading = true;
      link.setAttribute("aria-busy", "true");
      fetchArea(slot.getAttribute("data-comment-form"), {
        credentials: "same-origin",
        cache: "no-store",
        headers: HEADERS,
      }).then(
        function (area) {
          while (slot.firstChild) {
            slot.removeChild(slot.firstChild);
          }
          slot.appendChild(area);
          setupArea(area);
          focusAnswer(area);
        },
        function () {
          window.location.href = link.href;
        }
      );
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-comment-form]"), setupSlot);
  Array.prototype.forEach.call(document.querySelectorAll("[data-comment-area]"), setupArea);
})();
