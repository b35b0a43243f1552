/* The finder: instant filtering of micro-carers, with the filters in the URL.
 *
 * Progressive enhancement: without JavaScript the finder page says that
 * filtering needs it and links to every community and service page. With
 * it, the form appears and filters a compact index (find/index.json); the
 * cards of the results shown are fetched from find/cards/<slug>.html,
 * rendered by the same template as the community and service pages. The
 * matching rules mirror builder/model/directory.py (Search.matches): keep
 * the two in step.
 *
 * Layout (GOV.UK's "filter a list"): directory.css puts the filters beside
 * the results on a wide screen. On a narrow one the services and other
 * filters fold away behind a button, so the results sit just below the
 * place; "Show N results" folds them again and takes focus to the results.
 */
(function () {
  "use strict";
  var root = document.getElementById("mc-finder");
  var configEl = document.getElementById("mc-finder-config");
  if (!root || !configEl || !window.fetch || !window.URLSearchParams) return;
  var config = JSON.parse(configEl.textContent);
  var form = document.getElementById("mc-finder-form");
  var section = document.getElementById("mc-results-section");
  var count = document.getElementById("mc-count");
  var list = document.getElementById("mc-results");
  var more = document.getElementById("mc-more");
  var heading = document.getElementById("mc-results-heading");
  var summary = document.getElementById("mc-search-summary");
  var toggle = document.getElementById("mc-filters-toggle");
  var filters = document.getElementById("mc-filters");
  var chosen = document.getElementById("mc-filters-chosen");
  var show = document.getElementById("mc-show");
  var FLAGS = { "taking-new-clients": 1, "welsh": 2, "direct-payments": 4 };
  var ALL_AREAS = 8;
  var index = null;
  var matches = [];
  var shown = 0;
  var generation = 0;
  var cardCache = {};

  function fold(name) {
    return name.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/['\u2019]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  /* Read the filters from a query string. A link names a community
   * (?area=mold) or a village (?place=mynydd-isa); older links may give any
   * place name, in either language, as ?area=. A place or service the
   * finder does not know is kept, so that the page can say so. */
  function readQuery(search) {
    var q = new URLSearchParams(search);
    var asked = q.get("place") || q.get("area") || "";
    var place = asked ? (config.places[fold(asked)] || null) : null;
    var option = place && form.querySelector('option[data-own][value="' + place + '"]');
    var known = Array.prototype.map.call(form.querySelectorAll("input[name=service]"), function (box) {
      return box.value;
    });
    var services = q.getAll("service");
    return {
      place: place,
      area: option ? option.getAttribute("data-community") : null,
      unknownPlace: asked && !place ? asked : null,
      unknownService: services.filter(function (s) { return known.indexOf(s) === -1; })[0] || null,
      services: services,
      flags: Object.keys(FLAGS).reduce(function (bits, key) {
        return q.get(key) === "1" ? bits | FLAGS[key] : bits;
      }, 0)
    };
  }

  function writeForm(state) {
    // Several options name one place (its name in the other language):
    // show its name in the page's language.
    var own = state.place && form.querySelector('option[data-own][value="' + state.place + '"]');
    if (own) own.selected = true; else form.elements.area.value = "";
    // places.js shows the chosen place in its text box.
    form.elements.area.dispatchEvent(new Event("mc-sync"));
    Array.prototype.forEach.call(form.querySelectorAll("input[name=service]"), function (box) {
      box.checked = state.services.indexOf(box.value) !== -1;
    });
    Object.keys(FLAGS).forEach(function (key) {
      form.elements[key].checked = (state.flags & FLAGS[key]) !== 0;
    });
  }

  function queryFromForm() {
    var q = new URLSearchParams();
    var area = form.elements.area;
    var chosen = area.options[area.selectedIndex];
    if (chosen && chosen.value) {
      // A community is an area, as on its own page; a village is a place.
      q.set(chosen.value === chosen.getAttribute("data-community") ? "area" : "place", chosen.value);
    }
    Array.prototype.forEach.call(form.querySelectorAll("input[name=service]:checked"), function (box) {
      q.append("service", box.value);
    });
    Object.keys(FLAGS).forEach(function (key) {
      if (form.elements[key].checked) q.set(key, "1");
    });
    var text = q.toString();
    // The shortlist (shortlist.js) lives in the address too: keep it as it is.
    var shortlist = new URLSearchParams(window.location.search).get("p");
    if (shortlist) text += (text ? "&" : "") + "p=" + shortlist.split(",").map(encodeURIComponent).join(",");
    return text ? "?" + text : "";
  }

  function filter(state) {
    var areaIx = state.area ? index.areas.indexOf(state.area) : -1;
    var wanted = state.services.map(function (s) { return index.services.indexOf(s); })
      .filter(function (i) { return i !== -1; });
    return index.providers.filter(function (row) {
      var areas = row[1], services = row[2], flags = row[3];
      if (state.area && !(flags & ALL_AREAS) && areas.indexOf(areaIx) === -1) return false;
      if ((flags & state.flags) !== state.flags) return false;
      return wanted.every(function (s) { return services.indexOf(s) !== -1; });
    });
  }

  function card(slug) {
    if (!cardCache[slug]) {
      cardCache[slug] = fetch(config.cards + slug + ".html").then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      });
    }
    return cardCache[slug];
  }

  function announce(n) {
    count.textContent = n === 0 ? config.text.none
      : n === 1 ? config.text.one : config.text.many.replace("%(n)s", String(n));
    show.textContent = n === 1 ? config.text.showOne
      : config.text.showMany.replace("%(n)s", String(n));
  }

  /* Only a narrow screen folds the filters (directory.css): a wide one
     shows them whatever the button says. */
  function openFilters(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    filters.classList.toggle("mc-filters--open", open);
  }

  /* The folded filters' button says how many are ticked. */
  function countChosen() {
    var n = filters.querySelectorAll("input:checked").length;
    chosen.textContent = n ? " " + config.text.chosen.replace("%(n)s", String(n)) : "";
  }

  function showMore() {
    var mine = generation;
    var next = matches.slice(shown, shown + config.pageSize);
    shown += next.length;
    return Promise.all(next.map(function (row) { return card(row[0]); })).then(function (cards) {
      if (mine !== generation) return;
      list.insertAdjacentHTML("beforeend", cards.join(""));
      more.hidden = shown >= matches.length;
    });
  }

  /* The choices in words, printed above a shortlist (the form is not). */
  function describeSearch() {
    var area = form.elements.area;
    var parts = [area.options[area.selectedIndex].text];
    var services = labelsOf("input[name=service]:checked");
    if (services.length) parts.push(services.join(", "));
    var only = labelsOf("#mc-only input:checked");
    if (only.length) {
      parts.push(form.querySelector("#mc-only legend").textContent + " " + only.join(", "));
    }
    summary.textContent = config.text.search.replace("%(search)s", parts.join("; "));
  }

  function labelsOf(selector) {
    return Array.prototype.map.call(form.querySelectorAll(selector), function (box) {
      return form.querySelector('label[for="' + box.id + '"]').textContent;
    });
  }

  function update() {
    // Chosen before the index has arrived: its arrival shows the results.
    if (!index) return Promise.resolve();
    generation += 1;
    describeSearch();
    countChosen();
    var state = readQuery(window.location.search);
    shown = 0;
    list.innerHTML = "";
    more.hidden = true;
    // A link with a place or service we do not know says so, rather than
    // quietly showing everyone.
    if (state.unknownPlace || state.unknownService) {
      matches = [];
      count.textContent = state.unknownPlace
        ? config.text.unknownPlace.replace("%(place)s", state.unknownPlace)
        : config.text.unknownService.replace("%(service)s", state.unknownService);
      return Promise.resolve();
    }
    matches = filter(state);
    announce(matches.length);
    return showMore().catch(failed);
  }

  function failed() {
    count.textContent = config.text.failed;
    more.hidden = true;
  }

  /* Keep the language switch on the same search. */
  function updateLanguageLinks() {
    Array.prototype.forEach.call(document.querySelectorAll("a.mc-lang-switch"), function (a) {
      a.href = a.href.split("?")[0] + window.location.search;
    });
  }

  function onChange() {
    var query = queryFromForm();
    window.history.replaceState(null, "", window.location.pathname + query);
    updateLanguageLinks();
    update();
  }

  form.hidden = false;
  section.hidden = false;
  count.textContent = config.text.loading;
  form.addEventListener("change", onChange);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    onChange();
    openFilters(false);
    heading.focus();
  });
  toggle.addEventListener("click", function () {
    openFilters(toggle.getAttribute("aria-expanded") !== "true");
  });
  form.addEventListener("reset", function () { window.setTimeout(onChange, 0); });
  more.addEventListener("click", function () {
    var first = list.children.length;
    showMore().then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    }).catch(failed);
  });
  window.addEventListener("popstate", function () {
    writeForm(readQuery(window.location.search));
    updateLanguageLinks();
    update();
  });

  fetch(config.index).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then(function (data) {
    index = data;
    var state = readQuery(window.location.search);
    writeForm(state);
    // Normalise a shared link such as ?area=Treffynnon to the community id
    // (but keep a name the finder does not know, which the page reports).
    var query = queryFromForm();
    if (query !== window.location.search && !state.unknownPlace && !state.unknownService) {
      window.history.replaceState(null, "", window.location.pathname + query);
    }
    updateLanguageLinks();
    return update();
  }).catch(failed).then(function () {
    // The first results are in: the screen kept for them is free again.
    section.classList.remove("mc-results--loading");
  });
})();
