/* The shortlist, kept in the address: ?p=bryn-care,cadno-care.
 *
 * Nothing is stored in the browser (no cookie, no storage). The list lives
 * in the page's address, and this script adds it to every link to another
 * page of the site, so it survives moving around, the language switch, a
 * reload, a bookmark and a link sent to someone else. It:
 *
 * - shows the "Add to shortlist" buttons (in the HTML, hidden without
 *   JavaScript) and the count beside them, and changes the address when one
 *   is pressed;
 * - on the finder, gives each result's link the search it came from
 *   (?search=...), so that the provider's page can offer "Back to your
 *   results" with the same filters;
 * - on the shortlist page (shortlist/), fetches one small file per provider
 *   (shortlist/items/<slug>.html) and offers the link, email and print.
 */
(function () {
  "use strict";
  if (!window.URLSearchParams || !window.fetch || !window.history.replaceState) return;
  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  // The finder's filters: the only things "Back to your results" carries back.
  var SEARCH = ["area", "place", "service", "taking-new-clients", "welsh", "direct-payments"];
  var finder = document.getElementById("mc-finder-form");
  var page = document.getElementById("mc-shortlist-page");

  function shortlist() {
    var slugs = (new URLSearchParams(window.location.search).get("p") || "").split(",");
    return slugs.filter(function (slug, i) { return SLUG.test(slug) && slugs.indexOf(slug) === i; });
  }

  /* A query string with the shortlist set to ``slugs``, commas left readable. */
  function withShortlist(search, slugs) {
    var q = new URLSearchParams(search);
    q.delete("p");
    var text = q.toString();
    if (slugs.length) text += (text ? "&" : "") + "p=" + slugs.join(",");
    return text ? "?" + text : "";
  }

  /* The finder's filters from a query string, and nothing else. */
  function searchOnly(search) {
    var from = new URLSearchParams(search), q = new URLSearchParams();
    from.forEach(function (value, key) { if (SEARCH.indexOf(key) !== -1) q.append(key, value); });
    return q.toString();
  }

  /* -- Links carry the shortlist ----------------------------------------- */

  function isPage(a) {
    var href = a.getAttribute("href");
    if (!href || href.charAt(0) === "#" || a.hasAttribute("download")) return null;
    var url = new URL(a.href, window.location.href);
    // Pages end in "/"; files (the feed, photos) and other websites do not count.
    return url.origin === window.location.origin && /\/$/.test(url.pathname) ? url : null;
  }

  /* Give a link the query ``search`` with the shortlist, keeping its path as written. */
  function setQuery(a, search, slugs) {
    var href = a.getAttribute("href");
    var hash = href.indexOf("#") === -1 ? "" : href.slice(href.indexOf("#"));
    var path = href.slice(0, href.length - hash.length).split("?")[0];
    var updated = path + withShortlist(search, slugs) + hash;
    if (updated !== href) a.setAttribute("href", updated);
  }

  function carry(root) {
    var slugs = shortlist();
    Array.prototype.forEach.call(root.querySelectorAll("a[href]"), function (a) {
      var url = isPage(a);
      if (!url) return;
      var search = url.search;
      if (a.classList.contains("mc-lang-switch")) {
        search = window.location.search;  // the same page in the other language: all of it
      } else if (finder && a.closest(".mc-card")) {
        var q = new URLSearchParams();
        q.set("search", searchOnly(window.location.search));
        search = "?" + q.toString();
      }
      setQuery(a, search, slugs);
    });
  }

  /* -- Buttons and the count ---------------------------------------------- */

  function showButtons(root) {
    var slugs = shortlist();
    Array.prototype.forEach.call(root.querySelectorAll(".mc-shortlist-toggle"), function (button) {
      var on = slugs.indexOf(button.getAttribute("data-slug")) !== -1;
      var words = button.querySelector(on ? ".mc-shortlist-toggle__remove" : ".mc-shortlist-toggle__add");
      button.hidden = false;
      button.querySelector(".mc-shortlist-toggle__add").hidden = on;
      button.querySelector(".mc-shortlist-toggle__remove").hidden = !on;
      button.setAttribute("aria-label", words.textContent + ": " + button.getAttribute("data-name"));
      button.classList.toggle("mc-shortlist-toggle--on", on);
    });
  }

  function countText(bar, n) {
    if (n === 0) return page ? bar.getAttribute("data-none") : "";
    return n === 1 ? bar.getAttribute("data-one")
      : bar.getAttribute("data-many").replace("%(n)s", String(n));
  }

  function showCount(news) {
    var n = shortlist().length;
    Array.prototype.forEach.call(document.querySelectorAll(".mc-shortlist"), function (bar) {
      bar.hidden = false;
      bar.querySelector(".mc-shortlist__count").textContent = [news || "", countText(bar, n)].join(" ").trim();
      var link = bar.querySelector(".mc-shortlist__link");
      if (link) link.hidden = n === 0;
    });
  }

  function showBackLink() {
    var from = new URLSearchParams(window.location.search);
    if (!from.has("search")) return;
    Array.prototype.forEach.call(document.querySelectorAll(".mc-back"), function (back) {
      setQuery(back.querySelector("a"), searchOnly(from.get("search")), shortlist());
      back.hidden = false;
    });
  }

  function refresh(news) {
    showButtons(document);
    showCount(news);
    carry(document);
    showBackLink();
    if (page) showShare();
  }

  function setShortlist(slugs) {
    var url = window.location.pathname + withShortlist(window.location.search, slugs) + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
  }

  function toggle(button) {
    var slug = button.getAttribute("data-slug");
    var slugs = shortlist();
    var at = slugs.indexOf(slug);
    if (at === -1) slugs.push(slug); else slugs.splice(at, 1);
    setShortlist(slugs);
    var bar = document.querySelector(".mc-shortlist");
    var news = bar ? bar.getAttribute(at === -1 ? "data-added" : "data-removed")
      .replace("%(name)s", button.getAttribute("data-name")) : "";
    if (page && at !== -1) removeItem(button.closest(".mc-compare__item"));
    refresh(news);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".mc-shortlist-toggle");
    if (button) toggle(button);
  });

  /* -- The shortlist page ---------------------------------------------------- */

  var compare = document.getElementById("mc-compare");

  function loadItems() {
    var slugs = shortlist();
    page.querySelector(".mc-shortlist-page__empty").hidden = slugs.length > 0;
    return Promise.all(slugs.map(function (slug) {
      return fetch(page.getAttribute("data-items") + slug + ".html").then(function (r) {
        if (r.status === 404) return missing(slug);
        if (!r.ok) throw new Error(r.status);
        return r.text();
      });
    })).then(function (items) {
      var holder = document.createElement("template");
      items.forEach(function (item) {
        if (typeof item === "string") {
          holder.innerHTML = item;  // our own page, built and escaped like every other
          compare.appendChild(holder.content);
        } else {
          compare.appendChild(item);
        }
      });
      refresh();
    }).catch(function () {
      compare.textContent = "";
      compare.appendChild(listItem(page.getAttribute("data-failed")));
    });
  }

  function listItem(words) {
    var li = document.createElement("li");
    li.className = "mc-compare__item mc-compare__item--missing";
    var p = document.createElement("p");
    p.textContent = words;
    li.appendChild(p);
    return li;
  }

  function missing(slug) {
    return listItem(page.getAttribute("data-missing").replace("%(slug)s", slug));
  }

  /* Take a provider off the page; focus moves to the next one (or the last). */
  function removeItem(item) {
    if (!item) return;
    var next = item.nextElementSibling || item.previousElementSibling;
    item.parentNode.removeChild(item);
    var target = next ? next.querySelector("a") : document.querySelector(".md-content h1");
    if (!next) target.setAttribute("tabindex", "-1");
    if (target) target.focus();
  }

  function shareLink() {
    return window.location.origin + window.location.pathname + withShortlist("", shortlist());
  }

  function showShare() {
    var slugs = shortlist();
    var share = page.querySelector(".mc-share");
    share.hidden = slugs.length === 0;
    page.querySelector(".mc-shortlist-page__empty").hidden = slugs.length > 0;
    document.getElementById("mc-share-link").value = shareLink();
    var lines = Array.prototype.map.call(compare.querySelectorAll(".mc-compare__item[data-slug]"), function (item) {
      var phone = item.querySelector(".mc-contact__phone");
      var name = item.querySelector(".mc-compare__name").textContent;
      return phone ? name + ": " + phone.textContent : name;
    });
    var subject = page.getAttribute("data-subject");
    var body = [subject + ":", ""].concat(lines, ["", shareLink()]).join("\r\n");
    document.getElementById("mc-email").href =
      "mailto:?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
  }

  function setUpPage() {
    var said = page.querySelector(".mc-share__status");
    document.getElementById("mc-print").addEventListener("click", function () { window.print(); });
    document.getElementById("mc-clear").addEventListener("click", function () {
      setShortlist([]);
      compare.textContent = "";
      var heading = document.querySelector(".md-content h1");
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      refresh();
    });
    document.getElementById("mc-copy").addEventListener("click", function () {
      var field = document.getElementById("mc-share-link");
      var copied = navigator.clipboard ? navigator.clipboard.writeText(field.value) : Promise.reject();
      copied.then(function () {
        said.textContent = page.getAttribute("data-copied");
      }, function () {
        field.focus();
        field.select();
        said.textContent = page.getAttribute("data-copy-failed");
      });
    });
    loadItems();
  }

  // Cards and search results arrive after the page: their links and buttons too.
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      Array.prototype.forEach.call(change.addedNodes, function (node) {
        if (node.nodeType !== 1) return;
        showButtons(node);
        carry(node);
      });
    });
  }).observe(document.body, { childList: true, subtree: true });

  refresh();
  if (page) setUpPage();
})();
