/* The place box: type a village, a community (in English or Welsh) or a postcode.
 *
 * A progressive enhancement of the finder's list of places (<select
 * id="mc-area">), following the WAI-ARIA combobox pattern with a list that
 * filters as you type and nothing chosen until you choose it: Down and Up
 * move through the matches, Enter or a click chooses, Escape closes the
 * list, and a live region says how many places match. The select stays in
 * the form, hidden, and holds the choice, so finder.js reads it as before;
 * without this script it is the place box.
 *
 * Names match at the start of any word, ignoring case, accents and
 * apostrophes ("hob" finds Yr Hôb, "caergw" Caergwrle). A postcode, whole
 * or in part, narrows the list to the communities it can be in, from the
 * table in find/postcodes/, which is fetched only when someone types one.
 */
(function () {
  "use strict";
  var select = document.getElementById("mc-area");
  var configEl = document.getElementById("mc-places-config");
  if (!select || !configEl || !window.fetch) return;
  var config = JSON.parse(configEl.textContent);
  var text = config.text;
  var form = select.form;
  var label = form.querySelector('label[for="mc-area"]');
  var POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?(?:([0-9])([A-Z]{0,2}))?$/;
  var places = Array.prototype.filter.call(select.options, function (o) { return o.value; })
    .map(function (o) {
      return {
        option: o,
        key: o.value,
        community: o.getAttribute("data-community"),
        label: o.text,
        name: fold(o.getAttribute("data-name")),
        own: o.hasAttribute("data-own")
      };
    });
  var communities = {};  // community id -> its own option, for postcodes
  places.forEach(function (p) { if (p.own && p.key === p.community) communities[p.key] = p; });
  var shown = [];  // the places in the list, in order
  var active = -1;  // the one Up and Down have reached, or -1
  var statusTimer = null;
  var postcodeIndex = null;
  var indexLoaded = null;
  var districtUnits = {};

  function fold(name) {
    return (name || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/['\u2019]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function element(tag, attributes, content) {
    var e = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { e.setAttribute(name, attributes[name]); });
    if (content) e.textContent = content;
    return e;
  }

  var hint = element("p", { id: "mc-place-hint", "class": "mc-hint" }, text.hint);
  var input = element("input", {
    id: "mc-place", "class": "mc-place__input", type: "text", role: "combobox",
    "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": "mc-place-list",
    "aria-describedby": "mc-place-hint mc-place-message", autocomplete: "off", spellcheck: "false"
  });
  var list = element("ul", { id: "mc-place-list", "class": "mc-place__list", role: "listbox",
    "aria-label": text.list });
  var message = element("div", { id: "mc-place-message", "class": "mc-place__message" });
  var status = element("p", { id: "mc-place-status", "class": "mc-visually-hidden", role: "status",
    "aria-live": "polite", "aria-atomic": "true" });
  list.hidden = true;
  label.setAttribute("for", "mc-place");
  label.textContent = text.label;
  [hint, input, list, message, status].forEach(function (e) { select.parentNode.insertBefore(e, select); });
  select.hidden = true;

  /* -- Matching names ---------------------------------------------------- */

  function byName(query) {
    function rank(p) {
      if (p.name === query) return 0;
      if (p.name.indexOf(query) === 0) return 1;
      return p.name.indexOf("-" + query) !== -1 ? 2 : -1;
    }
    return places.map(function (p) { return { place: p, rank: rank(p) }; })
      .filter(function (m) { return m.rank !== -1; })
      .sort(function (a, b) { return a.rank - b.rank; })  // stable: the list's own order within a rank
      .map(function (m) { return m.place; });
  }

  /* -- The list ------------------------------------------------------------ */

  /* Fill the list with ``found``; the live region says ``words`` and how many match. */
  function show(found, words) {
    shown = found;
    active = -1;
    list.textContent = "";
    found.forEach(function (p, i) {
      list.appendChild(element("li", { id: "mc-place-option-" + i, role: "option",
        "aria-selected": "false", "class": "mc-place__option" }, p.label));
    });
    list.hidden = found.length === 0;
    input.setAttribute("aria-expanded", found.length ? "true" : "false");
    input.removeAttribute("aria-activedescendant");
    var count = found.length === 0 ? "" : found.length === 1 ? text.one
      : text.many.replace("%(n)s", String(found.length));
    say([words || "", count].join(" ").trim());
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function move(to) {
    if (!shown.length) return;
    if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
    active = Math.max(-1, Math.min(to, shown.length - 1));
    Array.prototype.forEach.call(list.children, function (li, i) {
      li.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    if (active === -1) {
      input.removeAttribute("aria-activedescendant");
    } else {
      input.setAttribute("aria-activedescendant", list.children[active].id);
      list.children[active].scrollIntoView({ block: "nearest" });
    }
  }

  /* Say something through the live region, once typing pauses. */
  function say(words) {
    window.clearTimeout(statusTimer);
    statusTimer = window.setTimeout(function () { status.textContent = words; }, 400);
  }

  /* A message under the box: paragraphs, each with links to councils if it has some. */
  function note(parts) {
    message.textContent = "";
    parts.forEach(function (part) {
      message.appendChild(element("p", {}, part.words));
      if (!part.councils) return;
      var links = element("ul", {});
      part.councils.forEach(function (c) {
        var item = element("li", {});
        item.appendChild(element("a", { href: c.url }, c.name));
        links.appendChild(item);
      });
      message.appendChild(links);
    });
  }

  function choose(place) {
    input.value = place.label;
    place.option.selected = true;
    close();
    note([]);
    say("");
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  /* What the box holds when the person moves on: a place, nothing, or words we do not know. */
  function settle() {
    var typed = input.value.trim();
    var chosen = select.options[select.selectedIndex];
    if (!typed) {
      if (select.value) { select.value = ""; select.dispatchEvent(new Event("change", { bubbles: true })); }
      note([]);
      return true;
    }
    if (chosen && chosen.value && chosen.text === typed) return true;
    var exact = places.filter(function (p) {
      return fold(p.label) === fold(typed) || p.name === fold(typed);
    });
    if (exact.length) { choose(exact[0]); return true; }
    // A postcode is not a choice: its communities are in the list to choose from.
    if (isPostcode(typed)) return false;
    var words = text.unknown.replace("%(place)s", typed) + " " + text.choose;
    note([{ words: words }]);
    say(words);
    return false;
  }

  /* -- Postcodes ------------------------------------------------------------ */

  function isPostcode(typed) {
    return /^[A-Za-z]{1,2}[0-9]/.test(typed.trim());
  }

  function fetchJson(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }

  function councilsFor(district) {
    return postcodeIndex.neighbours.filter(function (c) {
      return c.districts.indexOf(district) !== -1;
    }).concat([postcodeIndex.everywhere]);
  }

  function ownOptions(ids) {
    return ids.map(function (id) { return communities[id]; }).filter(Boolean)
      .sort(function (a, b) { return a.label.localeCompare(b.label); });
  }

  /* The districts a typed outward code may be: itself, or, while it is being
   * typed ("LL1"), every district that starts with it. */
  function districtsFor(outward) {
    var all = Object.keys(postcodeIndex.districts);
    if (all.indexOf(outward) !== -1) return [outward];
    return all.filter(function (d) { return d.indexOf(outward) === 0; });
  }

  function lookUp(typed) {
    var code = typed.toUpperCase().replace(/\s+/g, " ").trim();
    var parts = POSTCODE.exec(code);
    note([{ words: text.loading }]);
    // One request, however fast the postcode is typed.
    indexLoaded = indexLoaded || fetchJson(config.postcodes + "index.json").then(function (data) {
      postcodeIndex = data;
    }, function (error) {
      indexLoaded = null;  // try again with the next key pressed
      throw error;
    });
    return indexLoaded.then(function () {
      if (!parts) return { unknown: true };
      var outward = parts[1], sector = parts[2] || "", rest = parts[3] || "";
      // Written as the Royal Mail writes it: CH7 1AB, whatever the spaces typed.
      var postcode = sector && rest.length === 2 ? outward + " " + sector + rest : code;
      var districts = districtsFor(outward);
      // "CH71" typed without its space is CH7 1.
      if (!districts.length && !sector && /[0-9]$/.test(outward)) {
        var shorter = outward.slice(0, -1);
        if (postcodeIndex.districts[shorter]) {
          districts = [shorter];
          sector = outward.slice(-1);
        }
      }
      if (!districts.length) return { outside: true, district: outward };
      var district = districts[0];
      var found = { district: districts.length === 1 ? district : outward, postcode: postcode };
      found.communities = districts.reduce(function (ids, d) {
        return ids.concat(postcodeIndex.districts[d].filter(function (id) { return ids.indexOf(id) === -1; }));
      }, []);
      if (districts.length !== 1 || !sector || postcodeIndex.units.indexOf(district) === -1) return found;
      return unitsOf(district).then(function (units) {
        var start = sector + rest;
        var ids = Object.keys(units).filter(function (inward) { return inward.indexOf(start) === 0; })
          .map(function (inward) { return units[inward]; });
        found.whole = rest.length === 2;
        found.unit = found.whole ? (units[start] || null) : null;
        if (!found.whole && ids.length) found.communities = ids.filter(function (id, i) { return ids.indexOf(id) === i; });
        return found;
      });
    }).then(function (found) {
      if (input.value !== typed) return;  // the person has typed on
      showPostcode(found.postcode || code, found);
    }).catch(function () {
      if (input.value !== typed) return;
      show([], text.failed);
      note([{ words: text.failed }]);
    });
  }

  function unitsOf(district) {
    if (!districtUnits[district]) {
      districtUnits[district] = fetchJson(config.postcodes + district + ".json").then(function (byCommunity) {
        var units = {};
        Object.keys(byCommunity).forEach(function (id) {
          byCommunity[id].forEach(function (inward) { units[inward] = id; });
        });
        return units;
      });
    }
    return districtUnits[district];
  }

  function showPostcode(code, found) {
    var words;
    if (found.unknown) {
      words = text.none.replace("%(text)s", code);
      show([], words);
      note([{ words: words }]);
      return;
    }
    var councils = councilsFor(found.district);
    if (found.outside) {
      words = text.outside.replace("%(postcode)s", code);
      show([], words);
      note([{ words: words, councils: councils }]);
      return;
    }
    if (found.whole && found.unit) {
      words = text.postcode.replace("%(postcode)s", code);
      found.communities = [found.unit];
    } else if (found.whole) {
      words = text.notFound.replace("%(postcode)s", code).replace("%(district)s", found.district);
    } else {
      words = text.district.replace("%(district)s", found.district);
    }
    var parts = [{ words: words }];
    // A district that crosses the county border: the rest of it is a neighbour's.
    if (!found.unit && councils.length > 1) {
      parts.push({ words: text.partly.replace("%(district)s", found.district), councils: councils });
    }
    show(ownOptions(found.communities), words);
    note(parts);
  }

  /* -- Events ---------------------------------------------------------------- */

  function onType() {
    var typed = input.value;
    var query = fold(typed);
    note([]);
    if (!query) { close(); say(""); return; }
    if (isPostcode(typed)) { lookUp(typed); return; }
    var found = byName(query);
    var none = found.length ? "" : text.none.replace("%(text)s", typed.trim());
    show(found, none);
    note(none ? [{ words: none }] : []);
  }

  input.addEventListener("input", onType);
  // The box's own "change" (when it loses focus after typing) is not a choice:
  // finder.js listens to the form, and would redraw the results under a click.
  input.addEventListener("change", function (event) { event.stopPropagation(); });
  input.addEventListener("keydown", function (event) {
    var open = !list.hidden;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!shown.length && input.value) onType();
      move(open ? active + 1 : 0);
    } else if (event.key === "ArrowUp") {
      if (open) { event.preventDefault(); move(active - 1); }
    } else if (event.key === "Enter") {
      if (open && active !== -1) { event.preventDefault(); choose(shown[active]); }
      else if (open && shown.length === 1) { event.preventDefault(); choose(shown[0]); }
      else if (!settle()) event.preventDefault();
    } else if (event.key === "Escape") {
      if (open) { event.preventDefault(); close(); }
    } else if (event.key === "Tab") {
      if (open && active !== -1) choose(shown[active]);
    }
  });
  input.addEventListener("blur", function () {
    close();
    settle();
  });
  // Keep focus in the box while an option is clicked.
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  list.addEventListener("click", function (event) {
    var li = event.target.closest("li[role=option]");
    if (li) choose(shown[Array.prototype.indexOf.call(list.children, li)]);
  });
  // finder.js has set the select from the address: show that place.
  select.addEventListener("mc-sync", function () {
    var chosen = select.options[select.selectedIndex];
    input.value = chosen && chosen.value ? chosen.text : "";
    note([]);
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { input.value = ""; close(); note([]); say(""); }, 0);
  });
})();
