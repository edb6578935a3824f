// A headless front-end of the portal: plain JavaScript, no build step, and
// nothing but the public API (see docs/api.md).
//
// ?api=https://portal.example.gov.vn  where the API lives (default: this origin)
// ?locale=en                          the language of content and messages
//                                     (default: the site's)
"use strict";

const params = new URLSearchParams(location.search);
const API_ORIGIN = new URL(params.get("api") || location.origin).origin;
const LOCALE = params.get("locale") || "";
const PAGE_SIZE = 10;
const CAMPAIGN_TYPE = "campaigns.CampaignPage";

const $ = (selector) => document.querySelector(selector);

/** An absolute URL on the API's origin, for API paths and root-relative media. */
function onApi(path) {
  return new URL(path, API_ORIGIN).href;
}

function apiUrl(path, query = {}) {
  const url = new URL(`/api/v3${path}`, API_ORIGIN);
  for (const [name, value] of Object.entries(query)) {
    if (value !== "" && value !== undefined && value !== null) {
      url.searchParams.set(name, value);
    }
  }
  return url.href;
}

/**
 * Fetch JSON, in the reader's language (every endpoint takes `locale`); a
 * non-2xx answer throws the problem+json body as `problem`.
 */
async function api(path, { query, method = "GET", body } = {}) {
  const options = { method, headers: { Accept: "application/json" } };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(apiUrl(path, { locale: LOCALE, ...query }), options);
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error((data && data.detail) || response.statusText);
    error.status = response.status;
    error.problem = data || {};
    error.retryAfter = response.headers.get("Retry-After");
    throw error;
  }
  return { status: response.status, data };
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

// The portal's time zone (its TIME_ZONE): a time is shown as the portal shows
// it, on the portal's day, whatever the zone of the reader's device.
const TIME_ZONE = "Asia/Ho_Chi_Minh";
const dateFormat = new Intl.DateTimeFormat(LOCALE || "vi", { dateStyle: "long", timeZone: TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE || "vi", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: TIME_ZONE,
});
// A date alone ("2022-02-22") is a calendar day, not an instant: read and
// printed in UTC, so that no zone moves it.
const dayFormat = new Intl.DateTimeFormat(LOCALE || "vi", { dateStyle: "long", timeZone: "UTC" });
const numberFormat = new Intl.NumberFormat(LOCALE || "vi");

/** A date ("2022-02-22") or a time with its offset, as the portal's day. */
function formatDate(value) {
  if (!value) return "";
  if (value.length === 10) return formatDay(value);
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** A time with its offset ("…Z", "…+07:00"), as the portal's date and time. */
function formatDateTime(value) {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

function formatDay(value) {
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : dayFormat.format(date);
}

// ---------------------------------------------------------------- the list

let nextOffset = 0;

async function loadCampaigns() {
  const status = $("#list-status");
  status.textContent = "Đang tải…";
  try {
    const { data } = await api("/pages/", {
      query: {
        type: CAMPAIGN_TYPE,
        locale: LOCALE,
        limit: PAGE_SIZE,
        offset: nextOffset,
      },
    });
    for (const item of data.items) {
      const link = el("a", { href: `#campaign-${item.id}`, text: item.title });
      const date = el("span", {
        class: "date",
        text: formatDate(item.meta.first_published_at),
      });
      $("#campaigns").append(el("li", {}, link, " ", date));
    }
    nextOffset += data.items.length;
    $("#more").hidden = nextOffset >= data.count;
    status.textContent = data.count ? `${data.count} chiến dịch` : "Chưa có chiến dịch nào.";
  } catch (error) {
    status.textContent = `Không tải được danh sách: ${error.message}`;
  }
}

// ------------------------------------------------------------- body blocks

/** Rich text from the API, its root-relative links and images made absolute. */
function richText(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const root = template.content;
  root.querySelectorAll("script, style, iframe, object, embed").forEach((n) => n.remove());
  for (const node of root.querySelectorAll("*")) {
    for (const attribute of [...node.attributes]) {
      if (attribute.name.startsWith("on")) node.removeAttribute(attribute.name);
    }
  }
  root.querySelectorAll("a[href^='/']").forEach((a) => a.setAttribute("href", onApi(a.getAttribute("href"))));
  root.querySelectorAll("img[src^='/']").forEach((img) => img.setAttribute("src", onApi(img.getAttribute("src"))));
  return root;
}

/**
 * Print the page's `seo` field in <head>, as the portal's own pages do: the
 * title, the description, the canonical link and the Open Graph tags.
 */
function applySeo(seo, fallbackTitle) {
  document.title = seo ? seo.title : fallbackTitle;
  for (const node of document.head.querySelectorAll("[data-seo]")) node.remove();
  if (!seo) return;
  const tags = [
    ["meta", { name: "description", content: seo.description }],
    ["link", { rel: "canonical", href: seo.canonical_url }],
    ["meta", { property: "og:type", content: seo.og_type }],
    ["meta", { property: "og:title", content: seo.title }],
    ["meta", { property: "og:url", content: seo.canonical_url }],
  ];
  if (seo.image) {
    tags.push(
      ["meta", { property: "og:image", content: seo.image.url }],
      ["meta", { property: "og:image:alt", content: seo.image.alt }],
    );
  }
  for (const [tag, attributes] of tags) {
    const value = attributes.content ?? attributes.href;
    if (value) document.head.append(el(tag, { ...attributes, "data-seo": "" }));
  }
}

function picture(image, sizes = "(max-width: 800px) 100vw, 800px") {
  const renditions = image.renditions || {};
  const main = renditions.medium || renditions.large || renditions.thumbnail;
  if (!main) return null;
  const srcset = Object.values(renditions)
    .map((r) => `${onApi(r.url)} ${r.width}w`)
    .join(", ");
  return el("img", {
    src: onApi(main.url),
    srcset,
    sizes,
    width: main.width,
    height: main.height,
    alt: image.alt || "",
    loading: "lazy",
  });
}

function fileSize(bytes) {
  if (!bytes && bytes !== 0) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${numberFormat.format(Math.round(bytes / 1024))} KB`;
  return `${numberFormat.format(Math.round(bytes / 104857.6) / 10)} MB`;
}

function documentLink(doc, label) {
  const extension = (doc.file_extension || "").toUpperCase();
  const details = [extension, fileSize(doc.file_size)].filter(Boolean).join(", ");
  return el("a", {
    href: onApi(doc.url),
    text: `${label || doc.title}${details ? ` (${details})` : ""}`,
  });
}

/** The iframe of a video embed, rebuilt from its `src`; a link otherwise. */
function videoEmbed(value) {
  const parsed = new DOMParser().parseFromString(value.html || "", "text/html");
  const frame = parsed.querySelector("iframe[src^='https://']");
  const figure = el("figure", { class: "block-video" });
  if (frame) {
    figure.append(
      el("iframe", {
        src: frame.getAttribute("src"),
        title: frame.getAttribute("title") || value.caption || "Video",
        width: 560,
        height: 315,
        allow: "encrypted-media; picture-in-picture",
        allowfullscreen: "",
        loading: "lazy",
      }),
    );
  } else {
    figure.append(el("a", { href: value.url, text: value.url }));
  }
  if (value.caption) figure.append(el("figcaption", { text: value.caption }));
  return figure;
}

function table(value) {
  const rows = value.data || [];
  const node = el("table", { class: "block-table" });
  if (value.table_caption) node.append(el("caption", { text: value.table_caption }));
  const headerRow = value.first_row_is_table_header && rows.length;
  if (headerRow) {
    const tr = el("tr");
    for (const cell of rows[0]) tr.append(el("th", { scope: "col", text: cell ?? "" }));
    node.append(el("thead", {}, tr));
  }
  const tbody = el("tbody");
  for (const row of rows.slice(headerRow ? 1 : 0)) {
    const tr = el("tr");
    row.forEach((cell, index) => {
      const isHeader = index === 0 && value.first_col_is_header;
      tr.append(el(isHeader ? "th" : "td", { scope: isHeader ? "row" : null, text: cell ?? "" }));
    });
    tbody.append(tr);
  }
  node.append(tbody);
  return node;
}

const BLOCKS = {
  paragraph: (value) => el("div", { class: "block-paragraph" }, richText(value)),
  heading: (value) => el(value.level === "h3" ? "h3" : "h2", { class: "block-heading", text: value.text }),
  quote: (value) =>
    el(
      "blockquote",
      { class: "block-quote" },
      el("p", { text: value.text }),
      value.attribution ? el("footer", {}, el("cite", { text: value.attribution })) : null,
    ),
  image: (value) => {
    const image = value.image ? { ...value.image, alt: value.alt || value.image.alt } : null;
    const caption = [value.caption, value.credit].filter(Boolean).join(" — ");
    return el(
      "figure",
      { class: "block-image" },
      image ? picture(image) : null,
      caption ? el("figcaption", { text: caption }) : null,
    );
  },
  document: (value) =>
    el(
      "div",
      { class: "block-document" },
      value.document ? el("p", {}, documentLink(value.document, value.title)) : null,
      value.description ? el("p", { text: value.description }) : null,
    ),
  key_facts: (value) => {
    const list = el("dl");
    for (const fact of value.facts || []) {
      list.append(el("dt", { text: fact.label }), el("dd", { text: fact.value }));
    }
    return el(
      "aside",
      { class: "block-key-facts" },
      value.heading ? el("h2", { text: value.heading }) : null,
      list,
    );
  },
  call_to_action: (value) =>
    el(
      "aside",
      { class: "block-cta" },
      value.heading ? el("h2", { text: value.heading }) : null,
      value.text ? el("p", { text: value.text }) : null,
      value.url ? el("a", { class: "button", href: onApi(value.url), text: value.button_label || value.url }) : null,
    ),
  table,
  video: videoEmbed,
};

function renderBlock(block) {
  const render = BLOCKS[block.type];
  const node = render
    ? render(block.value)
    : el("pre", { class: "block-unknown", text: JSON.stringify(block.value, null, 2) });
  node.dataset.blockType = block.type;
  return node;
}

// ---------------------------------------------------------------- a campaign

let currentPage = null;

async function showCampaign(id) {
  $("#list-view").hidden = true;
  const view = $("#detail-view");
  view.hidden = false;
  $("#title").textContent = "Đang tải…";
  for (const selector of ["#body", "#comment-list", "#lead", "#date", "#comment-result"]) {
    $(selector).replaceChildren();
  }
  $("#view-count").textContent = "…";
  let page;
  try {
    ({ data: page } = await api(`/pages/${id}/`, { query: { locale: LOCALE } }));
  } catch (error) {
    $("#title").textContent = error.status === 404 ? "Không tìm thấy trang" : error.message;
    return;
  }
  currentPage = page;
  applySeo(page.seo, page.title);
  $("#title").textContent = page.title;
  $("#date").textContent = formatDate(page.date || page.meta.first_published_at);
  $("#lead").textContent = page.lead || "";
  $("#comment-count").textContent = numberFormat.format(page.comment_count || 0);

  const hero = $("#hero");
  hero.hidden = !page.hero_image;
  if (page.hero_image) {
    hero.querySelector("img").replaceWith(picture(page.hero_image) || el("img", { alt: "" }));
    hero.querySelector("figcaption").textContent = page.hero_caption || "";
  }
  $("#body").replaceChildren(...(page.body || []).map(renderBlock));
  const dispatch = $("#dispatch");
  dispatch.hidden = !page.dispatch_document;
  if (page.dispatch_document) {
    dispatch.replaceChildren("Văn bản: ", documentLink(page.dispatch_document));
  }

  countView(page.id);
  loadComments(page.id);
  const open = page.comments_enabled !== false;
  $("#comment-form").hidden = !open;
  $("#comments-closed").hidden = open;
  if (open) newCaptcha();
}

/** The view beacon; the answer carries the count (200 counted, 202 not). */
async function countView(id) {
  try {
    const { data } = await api(`/pages/${id}/views/`, { method: "POST" });
    $("#view-count").textContent = numberFormat.format(data.view_count);
  } catch (error) {
    $("#view-count").textContent = "–";
  }
}

// ---------------------------------------------------------------- comments

async function loadComments(pageId) {
  const list = $("#comment-list");
  try {
    const { data } = await api("/comments/", { query: { page: pageId, limit: 50 } });
    list.replaceChildren(
      ...data.items.map((comment) =>
        el(
          "li",
          { class: "comment", id: `comment-${comment.id}` },
          el("h3", { text: comment.title }),
          el("p", { class: "by", text: `${comment.name} · ${formatDateTime(comment.created_at)}` }),
          el("p", { class: "content", text: comment.content }),
          comment.reply
            ? el(
                "div",
                { class: "reply" },
                el("p", { class: "by", text: `Trả lời của Ban biên tập · ${formatDateTime(comment.reply.created_at)}` }),
                el("p", { text: comment.reply.content }),
              )
            : null,
        ),
      ),
    );
    $("#comments-empty").hidden = data.count > 0;
  } catch (error) {
    list.replaceChildren(el("li", { text: `Không tải được ý kiến: ${error.message}` }));
  }
}

/** A fresh challenge: each key is used up by one POST, right or wrong. */
async function newCaptcha() {
  try {
    const { data } = await api("/captcha/");
    $("#captcha-key").value = data.key;
    $("#captcha-image").src = onApi(data.image_url);
    $("#captcha-value").value = "";
    const audio = $("#captcha-audio");
    audio.hidden = !data.audio_url;
    if (data.audio_url) audio.href = onApi(data.audio_url);
  } catch (error) {
    showFormError(error);
  }
}

function clearErrors() {
  document.querySelectorAll(".field-error").forEach((node) => (node.textContent = ""));
  document.querySelectorAll("[aria-invalid]").forEach((node) => node.removeAttribute("aria-invalid"));
  const formError = $("#error-form");
  formError.hidden = true;
  formError.textContent = "";
}

function showFormError(error) {
  const formError = $("#error-form");
  let message = error.message;
  if (error.status === 429 && error.retryAfter) {
    message += ` (thử lại sau ${error.retryAfter} giây)`;
  }
  formError.textContent = message;
  formError.hidden = false;
}

/** problem+json `errors`: `{field, code, message}`, `field` null for the whole form. */
function showProblem(error) {
  const fieldErrors = error.problem.errors || [];
  let shown = false;
  for (const item of fieldErrors) {
    const target = item.field && document.getElementById(`error-${item.field === "captcha_key" ? "captcha_value" : item.field}`);
    if (target) {
      target.textContent = item.message;
      const input = target.parentElement.querySelector("input, textarea");
      if (input) input.setAttribute("aria-invalid", "true");
      shown = true;
    } else {
      showFormError({ ...error, message: item.message });
      shown = true;
    }
  }
  if (!shown || !fieldErrors.length) showFormError(error);
}

async function submitComment(event) {
  event.preventDefault();
  clearErrors();
  const form = event.target;
  const fields = Object.fromEntries(new FormData(form));
  if (!fields.email) delete fields.email;
  const result = $("#comment-result");
  result.textContent = "Đang gửi…";
  try {
    const { data } = await api("/comments/", {
      method: "POST",
      body: { page: currentPage.id, ...fields },
    });
    result.textContent = `Đã gửi ý kiến (trạng thái: ${data.status}). Ý kiến sẽ hiện sau khi được kiểm duyệt.`;
    result.dataset.status = data.status;
    form.reset();
  } catch (error) {
    result.textContent = "";
    showProblem(error);
  }
  newCaptcha();
}

// ---------------------------------------------------------------- routing

function route() {
  const match = location.hash.match(/^#campaign-(\d+)$/);
  if (match) {
    showCampaign(Number(match[1]));
  } else {
    $("#detail-view").hidden = true;
    $("#list-view").hidden = false;
    applySeo(null, "Chiến dịch truyền thông – ví dụ headless");
  }
}

/** The portal's name in the masthead, from GET /api/v3/portal/. */
async function loadPortal() {
  try {
    const { data } = await api("/portal/");
    $(".brand a").textContent = data.portal_name;
  } catch (error) {
    // The generic name in the page stays.
  }
}

$("#api-base").textContent = `${API_ORIGIN}/api/v3/`;
$("#more").addEventListener("click", loadCampaigns);
$("#comment-form").addEventListener("submit", submitComment);
$("#captcha-refresh").addEventListener("click", newCaptcha);
window.addEventListener("hashchange", route);
loadPortal();
loadCampaigns();
route();
