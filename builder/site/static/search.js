/* The site search: Pagefind, downloaded only when someone starts to search.
 *
 * Progressive enhancement: without JavaScript the header has a link to the
 * search page, which says that search needs JavaScript and where to look
 * instead. With it, the form shows (on a phone, when that link is pressed),
 * and nothing is fetched until the first letter is typed: then Pagefind's
 * script and this language's index (written by builder/search/) load.
 * Results are a plain list of links under the box, and the number found is
 * announced. Enter opens the search page, which lists every result.
 *
 * Result text comes from the pages, so it is added as text, never as HTML:
 * only Pagefind's <mark> highlights are kept, rebuilt as new elements.
 */
(function () {
  "use strict";
  var root = document.getElementById("mc-search");
  if (!root || !document.documentElement.classList.contains("mc-js")) return;
  var config = JSON.parse(root.getAttribute("data-mc-config"));
  var text = config.text;
  var form = document.getElementById("mc-search-form");
  var input = document.getElementById("mc-search-input");
  var output = document.getElementById("mc-search-output");
  var status = document.getElementById("mc-search-status");
  var list = document.getElementById("mc-search-results");
  var more = document.getElementById("mc-search-more");
  var next = document.getElementById("mc-search-next");
  var ways = document.getElementById("mc-search-ways");
  var opener = root.querySelector(".mc-search__open");
  var closer = root.querySelector(".mc-search__close");
  // On the search page the form and its results move into the page.
  var page = document.getElementById("mc-search-page");
  var limit = page ? config.pageResults : config.headerResults;
  var pagefind = null;
  var generation = 0;
  var found = [];
  var shown = 0;
  var words = [];
  var timer = null;

  function fold(word) {
    return word.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  /* The words worth searching for, as typed: the language's function words
     are left out, because Pagefind matches the start of words and "y" or "a"
     would match nearly everything. */
  function queryWords(query) {
    return query.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter(function (word) {
      return word && config.stopWords.indexOf(fold(word)) < 0;
    });
  }

  function load() {
    if (!pagefind) {
      var bundle = new URL(root.getAttribute("data-mc-bundle"), document.baseURI).href;
      pagefind = import(bundle + "pagefind.js").then(function (engine) {
        // A word that is the whole of a page's word counts for more than
        // one that only starts it: "Bryn Care" before "Brynford".
        return engine.options({ excerptLength: 24, ranking: { termSimilarity: 3 } })
          // Start the search program and the index's entry now, while the
          // person is still typing, not at the first search.
          .then(function () { return engine.init(); })
          .then(function () { return engine; });
      });
    }
    return pagefind;
  }

  function say(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }

  /* Pagefind's excerpt, as text with its highlights. */
  function excerpt(html) {
    var p = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    parsed.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  /* How many of the words searched for begin a word of ``text``. */
  function wordsIn(text) {
    var have = queryWords(text).map(fold);
    return words.map(fold).filter(function (word) {
      return have.some(function (h) { return h.indexOf(word) === 0; });
    }).length;
  }

  /* The section of a page whose heading has a word searched for: "complain"
     leads to "Other concerns and complaints", not the top of the guidance.
     A page whose title has every word is the answer itself. */
  function section(data) {
    if (wordsIn(data.meta.title) === words.length) return null;
    var sections = (data.sub_results || []).filter(function (sub) {
      return sub.url.indexOf("#") > 0 && wordsIn(sub.title) > 0;
    });
    sections.sort(function (a, b) {
      return wordsIn(b.title) - wordsIn(a.title) || b.locations.length - a.locations.length;
    });
    return sections[0] || null;
  }

  function result(data) {
    var li = document.createElement("li");
    li.className = "mc-search__result";
    var best = section(data);
    var link = document.createElement("a");
    link.href = best ? best.url : data.url;
    link.textContent = best ? data.meta.title + ": " + best.title : data.meta.title;
    li.appendChild(link);
    li.appendChild(excerpt(best ? best.excerpt : data.excerpt));
    return li;
  }

  function showMore(mine) {
    var batch = found.slice(shown, shown + limit);
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (data) {
      if (mine !== generation) return;
      var first = null;
      data.forEach(function (d) {
        var item = result(d);
        first = first || item;
        list.appendChild(item);
      });
      shown += batch.length;
      var n = found.length;
      status.textContent = n === 1 ? text.one : say(text.many, { n: n });
      var url = root.getAttribute("data-mc-page") + "?q=" + encodeURIComponent(input.value);
      more.hidden = page || n <= shown;
      more.firstChild.href = url;
      more.firstChild.textContent = say(text.more, { n: n });
      next.hidden = !page || n <= shown;
      return first;
    });
  }

  function run(query) {
    var mine = ++generation;
    words = queryWords(query);
    found = [];
    shown = 0;
    list.textContent = "";
    more.hidden = next.hidden = ways.hidden = true;
    if (!words.length) {
      status.textContent = "";
      output.hidden = !page;
      return;
    }
    output.hidden = false;
    status.textContent = text.loading;
    load().then(function (engine) {
      return engine.search(words.join(" "));
    }).then(function (search) {
      if (mine !== generation) return;
      found = search.results;
      if (!found.length) {
        status.textContent = say(text.none, { query: query.trim() });
        ways.hidden = false;
        return;
      }
      return showMore(mine);
    }).catch(function () {
      if (mine !== generation) return;
      pagefind = null;
      status.textContent = text.failed;
      ways.hidden = false;
    });
  }

  function close() {
    generation++;
    output.hidden = true;
    if (root.classList.contains("mc-search--open")) {
      root.classList.remove("mc-search--open");
      opener.focus();
    }
  }

  input.addEventListener("input", function () {
    // Start fetching at the first letter; search when typing pauses.
    if (queryWords(input.value).length) load().catch(function () {});
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 200);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !page) close();
  });
  next.addEventListener("click", function () {
    showMore(generation).then(function (first) {
      if (first) first.querySelector("a").focus();
    });
  });

  if (page) {
    // The search page: one form in the page, its results below it.
    opener.hidden = true;
    page.appendChild(form);
    page.appendChild(output);
    output.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      run(input.value);
    });
    input.value = new URLSearchParams(location.search).get("q") || "";
    if (input.value) run(input.value);
    return;
  }

  // A phone: the link in the header opens the form over the header.
  opener.addEventListener("click", function (event) {
    event.preventDefault();
    root.classList.add("mc-search--open");
    input.focus();
  });
  closer.addEventListener("click", close);
  root.addEventListener("focusout", function (event) {
    if (!root.contains(event.relatedTarget) && !root.classList.contains("mc-search--open")) {
      output.hidden = true;
    }
  });
  input.addEventListener("focus", function () {
    if (list.firstChild || status.textContent) output.hidden = false;
  });
  document.addEventListener("click", function (event) {
    if (!root.contains(event.target)) output.hidden = true;
  });
})();
