// The catalogue's one script: the site works without it; it adds search and file:// links.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "./";

  // From file:// a folder does not open its index.html, so links to pages name it.
  if (window.location.protocol === "file:") {
    // An alias's page sends the browser on with a refresh to a folder, which would show as a file listing.
    var refresh = document.querySelector('meta[http-equiv="refresh"]');
    var to = refresh ? /url=(.*)$/i.exec(refresh.getAttribute("content")) : null;
    if (to && to[1].charAt(to[1].length - 1) === "/") {
      window.location.replace(to[1] + "index.html");
      return;
    }
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === "#" || href.charAt(0) === "/") {
        continue;
      }
      var hash = href.indexOf("#");
      var path = hash < 0 ? href : href.substring(0, hash);
      var fragment = hash < 0 ? "" : href.substring(hash);
      if (path === "" || path.charAt(path.length - 1) === "/") {
        links[i].setAttribute("href", path + "index.html" + fragment);
      }
    }
  }

  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  if (!input || !results || !window.VIGIL_SEARCH) {
    return;
  }
  var fileLinks = window.location.protocol === "file:";
  // The box is hidden for readers without script, who have the table of every alert instead.
  var box = input.closest(".search-box");
  if (box) { box.removeAttribute("hidden"); }

  function rank(entry, q) {
    var name = entry.name.toLowerCase();
    if (name === q) { return 0; }
    for (var i = 0; i < entry.aliases.length; i++) {
      if (entry.aliases[i].toLowerCase() === q) { return 1; }
    }
    if (name.indexOf(q) === 0) { return 2; }
    if (name.indexOf(q) >= 0) { return 3; }
    if ((entry.summary + " " + entry.service + " " + entry.severity).toLowerCase().indexOf(q) >= 0) { return 4; }
    return -1;
  }

  function show(query) {
    var q = query.trim().toLowerCase();
    while (results.firstChild) { results.removeChild(results.firstChild); }
    var status = document.getElementById("search-status");
    if (q === "") {
      status.textContent = "";
      return;
    }
    var found = [];
    window.VIGIL_SEARCH.forEach(function (entry, order) {
      var r = rank(entry, q);
      if (r >= 0) { found.push({ entry: entry, rank: r, order: order }); }
    });
    found.sort(function (a, b) { return a.rank - b.rank || a.order - b.order; });
    found.slice(0, 50).forEach(function (f) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.setAttribute("href", root + f.entry.path + (fileLinks ? "index.html" : ""));
      var code = document.createElement("code");
      code.textContent = f.entry.name;
      a.appendChild(code);
      li.appendChild(a);
      var what = f.entry.kind === "alert" ? " (alert, " + (f.entry.severity || "no severity") + ", service "
        + f.entry.service + ")" : " (service)";
      li.appendChild(document.createTextNode(what + (f.entry.summary ? ": " + f.entry.summary : "")));
      results.appendChild(li);
    });
    status.textContent = found.length === 0 ? "Nothing matches." : found.length + " found"
      + (found.length > 50 ? ", the first 50 shown." : ".");
  }

  input.addEventListener("input", function () { show(input.value); });
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) {
    input.value = params.get("q");
  }
  show(input.value);
})();
