// Checks generated catalogue sites in headless Chromium, over http from 127.0.0.1 and from file://:
// links and fragments, outside requests, console errors, search, axe-core, sideways scrolling at 375 and
// 1280 px, severity as text; keeps a screenshot of each kind of page.
//
//   node run.js [--screenshots DIR] [--docs-images DIR --docs-site NAME [--docs-alert alerts/<slug>/]]
//               NAME=SITE_DIR...
//
// Every page is found from the site's files (**/index.html and 404.html), so new pages are checked too.
// Prints `N passed, N failed` and exits non-zero on any failure.
"use strict";
const fs = require("fs");
const path = require("path");
const { pathToFileURL, fileURLToPath } = require("url");
const { chromium } = require("playwright-core");
const { serve, isFile } = require("./server");

// AxeBuilder (@axe-core/playwright) takes 1.4 to 2.9 s a page here, as it finishes each run in a new page;
// its own axe-core, run in the page directly, takes about 0.2 s, which keeps the suite within 2 minutes.
// It is installed as an init script of the tabs that run it: evaluating its 500 KB in each page anew costs
// three times as much as the browser's compiled copy.
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js",
  { paths: [path.dirname(require.resolve("@axe-core/playwright"))] }), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const WIDTHS = [375, 1280];
const HEIGHT = 900;

function parseArgs(argv) {
  const opts = { sites: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--screenshots" || a === "--docs-images" || a === "--docs-site" || a === "--docs-alert") {
      opts[a.slice(2).replace(/-([a-z])/g, (m, c) => c.toUpperCase())] = argv[++i];
    } else if (/^[^=]+=/.test(a)) {
      const eq = a.indexOf("=");
      opts.sites.push({ name: a.slice(0, eq), dir: a.slice(eq + 1) });
    } else {
      throw new Error("unknown argument " + a);
    }
  }
  if (opts.sites.length === 0) {
    throw new Error("usage: node run.js [--screenshots DIR] [--docs-images DIR --docs-site NAME] NAME=SITE_DIR...");
  }
  return opts;
}

function walk(dir, found) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(file, found);
    } else if (entry.name === "index.html") {
      found.push(file);
    }
  }
  return found;
}

/** A site as its files say: the path it is served below, its alerts, and every page. */
function loadSite(name, dir) {
  const root = fs.realpathSync(dir);
  const catalogue = JSON.parse(fs.readFileSync(path.join(root, "catalogue.json"), "utf8"));
  let prefix = new URL(catalogue.base_url).pathname;
  prefix = prefix.endsWith("/") ? prefix : prefix + "/";
  const files = walk(root, []).map((f) => path.relative(root, f).split(path.sep).join("/")).sort();
  files.push("404.html");
  const pages = files.map((file) => {
    const html = fs.readFileSync(path.join(root, file), "utf8");
    const kind = /<body[^>]*\bclass="[^"]*\bkind-([a-z]+)/.exec(html);
    return {
      file,
      // The page's own URL below the root: a folder, or 404.html.
      rel: file === "404.html" ? file : file.slice(0, -"index.html".length),
      kind: file === "404.html" ? "404" : kind ? kind[1] : "unknown",
      redirect: /<meta[^>]+http-equiv="refresh"/i.test(html),
      size: html.length,
    };
  });
  return { name, root, prefix, catalogue, pages, ids: new Map(), origin: null };
}

/** Where a page is opened: the 404 page at a path that does not exist, the others at their folder. */
function pageUrl(site, page, mode) {
  if (mode === "file") {
    return pathToFileURL(path.join(site.root, page.file)).href;
  }
  return site.origin + site.prefix + (page.rel === "404.html" ? "no-such-page/" : page.rel);
}

/** The site file a link leads to and its fragment, `external` for another host, or the problem with it. */
function linkTarget(site, mode, href, from) {
  let u;
  try {
    u = new URL(href);
  } catch (e) {
    return { problem: "not a URL" };
  }
  // A link within the page, such as the 404 page's skip link, which is served at any path.
  if (from && u.href.slice(0, u.href.length - u.hash.length) === pageUrl(site, from, mode)) {
    return { rel: from.file, fragment: u.hash ? decodeURIComponent(u.hash.slice(1)) : "" };
  }
  let rel;
  if (u.protocol === "mailto:") {
    return { external: true };
  } else if (u.protocol === "http:" || u.protocol === "https:") {
    if (u.hostname !== "127.0.0.1") {
      return { external: true };
    }
    if (mode !== "http" || u.origin !== site.origin) {
      return { problem: "leads to another local server" };
    }
    const p = decodeURIComponent(u.pathname);
    if (!p.startsWith(site.prefix)) {
      return { problem: "leads outside the site, below " + site.prefix };
    }
    rel = p.slice(site.prefix.length);
    if (rel === "" || rel.endsWith("/")) {
      rel += "index.html";
    }
  } else if (u.protocol === "file:") {
    if (mode !== "file") {
      return { problem: "a file: link on a served page" };
    }
    const abs = fileURLToPath(u);
    rel = path.relative(site.root, abs).split(path.sep).join("/");
    if (rel.startsWith("../") || path.isAbsolute(rel)) {
      return { problem: "leads outside the site's folder" };
    }
    if (!isFile(abs)) {
      return { problem: fs.existsSync(abs) ? "a folder, which file:// does not open as its index.html" : "no such file" };
    }
  } else {
    return { problem: "a " + u.protocol + " link" };
  }
  if (!isFile(path.join(site.root, rel))) {
    return { problem: "no such page" };
  }
  return { rel, fragment: u.hash ? decodeURIComponent(u.hash.slice(1)) : "" };
}

class Results {
  constructor() {
    this.passed = 0;
    this.failed = [];
  }

  record(name, problems) {
    if (problems.length === 0) {
      this.passed++;
    } else {
      this.failed.push({ name, problems });
    }
  }
}

async function guardedContext(browser, options, onOutside) {
  const context = await browser.newContext(options);
  // Nothing leaves the machine: the site's own files and the local host serve everything.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("http://127.0.0.1:")) {
      route.continue();
    } else {
      onOutside(url);
      route.abort("blockedbyclient");
    }
  });
  return context;
}

/** One browser tab that reports console errors, page errors, failed and outside requests to the running check. */
async function newTab(browser, options, withAxe) {
  const tab = { errors: null, expect404: null };
  const report = (message) => {
    if (tab.errors) {
      tab.errors.push(message);
    }
  };
  tab.context = await guardedContext(browser, options, (url) => report("a request leaves the machine: " + url));
  if (withAxe) {
    await tab.context.addInitScript(AXE_SOURCE);
  }
  tab.page = await tab.context.newPage();
  tab.page.on("console", (m) => {
    // The 404 page's own status is logged as an error; it is what the page is for.
    if (m.type() === "error" && !(tab.expect404 && /status of 404/.test(m.text()) && m.location().url === tab.expect404)) {
      report("console error: " + m.text() + " at " + m.location().url);
    }
  });
  tab.page.on("pageerror", (e) => report("page error: " + e.message));
  tab.page.on("requestfailed", (r) => {
    if (r.failure().errorText !== "net::ERR_BLOCKED_BY_CLIENT") {
      report("request failed: " + r.url() + " " + r.failure().errorText);
    }
  });
  tab.page.on("response", (r) => {
    if (r.status() >= 400 && r.url() !== tab.expect404) {
      report("HTTP " + r.status() + " for " + r.url());
    }
  });
  return tab;
}

async function sidewaysScroll(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= doc.clientWidth) {
      return null;
    }
    // The innermost elements that stick out, to say what to fix.
    const wide = [];
    for (const e of document.body.querySelectorAll("*")) {
      if (e.getBoundingClientRect().right > doc.clientWidth + 0.5 && ![...e.children].some(
        (c) => c.getBoundingClientRect().right > doc.clientWidth + 0.5)) {
        let name = e.tagName.toLowerCase();
        for (let p = e.parentElement; p && p !== document.body && name.split(" > ").length < 4; p = p.parentElement) {
          name = p.tagName.toLowerCase() + (p.className ? "." + String(p.className).split(" ")[0] : "") + " > " + name;
        }
        wide.push(name);
      }
    }
    return "scrollWidth " + doc.scrollWidth + " > clientWidth " + doc.clientWidth + "; too wide: "
      + wide.slice(0, 3).join(", ");
  });
}

/**
 * The severity as words next to a "Severity" label (a term and its definition, a header cell and its cell)
 * or in one element ("Severity: critical"), not in a code block such as the rule's YAML.
 */
async function severityShown(page, severity) {
  return page.evaluate((sev) => {
    const lower = sev.toLowerCase();
    for (const e of document.querySelectorAll("main *")) {
      if (e.closest("pre")) {
        continue;
      }
      const own = e.textContent.trim().toLowerCase();
      const next = e.nextElementSibling ? e.nextElementSibling.textContent.trim().toLowerCase() : "";
      if (/^severity:?$/.test(own) && (next === lower || next.startsWith(lower + " "))) {
        return true;
      }
      if (e.children.length === 0 && own.replace(/^severity:?\s+/, "") !== own
          && own.replace(/^severity:?\s+/, "").split(/\s/)[0] === lower) {
        return true;
      }
    }
    return false;
  }, severity);
}

async function axeViolations(page) {
  return page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: "tag", values: tags },
    // Only violations are read: axe then keeps one node per passed rule instead of all, which halves its time.
    resultTypes: ["violations"],
  }).then(
    (r) => r.violations.map((v) => v.id + " (" + v.help + "): " + v.nodes.slice(0, 3).map(
      (n) => n.target.join(" ")).join(", ") + (v.nodes.length > 3 ? " and " + (v.nodes.length - 3) + " more" : ""))),
  AXE_TAGS);
}

/** Loads one page and checks it; links are kept to check once every page's ids are known. */
async function checkPage(tab, results, job) {
  const { site, page, mode } = job;
  const url = pageUrl(site, page, mode);
  const label = site.name + " " + mode + " /" + page.rel;
  const errors = [];
  tab.errors = errors;
  tab.expect404 = page.rel === "404.html" ? url : null;
  try {
    const response = await tab.page.goto(url, { waitUntil: "load" });
    const want = page.rel === "404.html" ? 404 : 200;
    if (mode === "http" && (!response || response.status() !== want)) {
      errors.push("status " + (response && response.status()) + ", not " + want);
    }
    if (page.redirect) {
      await tab.page.waitForURL((u) => u.href !== url, { timeout: 5000 });
      const to = linkTarget(site, mode, tab.page.url());
      results.record(label + ": redirects to a page of the site",
        to.problem ? [tab.page.url() + ": " + to.problem] : []);
      return;
    }
    const info = await tab.page.evaluate(() => ({
      links: [...document.querySelectorAll("a[href], link[href]")].map((a) => ({ raw: a.getAttribute("href"), href: a.href })),
      ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
    }));
    site.ids.set(page.file, new Set(info.ids));
    job.links = info.links;
    if (mode === "http") {
      results.record(label + ": axe-core " + AXE_TAGS.join(" ") + " finds no violations", await axeViolations(tab.page));
      for (const width of WIDTHS) {
        await tab.page.setViewportSize({ width, height: HEIGHT });
        const wide = await sidewaysScroll(tab.page);
        results.record(label + ": no sideways scrolling at " + width + " px", wide ? [wide] : []);
      }
      if (page.kind === "alert") {
        const alert = site.catalogue.alerts.find((a) => a.page === page.rel);
        if (alert && alert.severity) {
          results.record(label + ": shows the severity as text", await severityShown(tab.page, alert.severity) ? []
            : ["no \"Severity\" label with \"" + alert.severity + "\" beside it, outside code"]);
        }
      }
      if (job.screenshot) {
        await tab.page.screenshot({ path: job.screenshot, fullPage: true });
      }
      if (job.docsImage) {
        await tab.page.screenshot({ path: job.docsImage });
      }
    }
  } catch (e) {
    errors.push("could not check the page: " + e.message.split("\n")[0]);
    // The layout checks end at the widest width; a failure among them may leave another.
    await tab.page.setViewportSize({ width: WIDTHS[WIDTHS.length - 1], height: HEIGHT }).catch(() => {});
  } finally {
    tab.errors = null;
    tab.expect404 = null;
  }
  results.record(label + ": loads with no console error, page error or outside request", errors);
}

/** Types each alert's exact name into the search box: its page must be the first result. */
async function checkSearch(tab, results, job) {
  const { site, mode } = job;
  const search = site.pages.find((p) => p.kind === "search");
  const label = site.name + " " + mode + " search";
  if (!search) {
    results.record(label + ": the site has a search page", ["no page of kind search"]);
    return;
  }
  const errors = [];
  tab.errors = errors;
  try {
    // Each alert's name, and each of its old names, which lead to its page too.
    const queries = [];
    for (const alert of site.catalogue.alerts) {
      queries.push({ name: alert.name, page: alert.page });
      (alert.aliases || []).forEach((alias) => queries.push({ name: alias.name, page: alert.page, alias: true }));
    }
    await tab.page.goto(pageUrl(site, search, mode), { waitUntil: "load" });
    // The first name is typed key by key; the others are put in the box with the input event that typing
    // fires, all in one call, as a round trip to the browser per name costs more than the rest of the check.
    await tab.page.locator("#search-input").pressSequentially(queries.length > 0 ? queries[0].name : "",
      { timeout: 10000 });
    const found = await tab.page.evaluate((names) => names.map((name) => {
      const input = document.getElementById("search-input");
      if (input.value !== name) {
        input.value = name;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      const first = document.querySelector("#search-results li a");
      const status = document.getElementById("search-status");
      return {
        href: first ? first.href : null,
        status: status ? status.textContent.trim() : "",
        live: status ? status.getAttribute("aria-live") : null,
        visible: input.offsetParent !== null,
      };
    }), queries.map((q) => q.name));
    queries.forEach((query, i) => {
      const got = found[i];
      const want = mode === "http" ? site.origin + site.prefix + query.page
        : pathToFileURL(path.join(site.root, query.page, "index.html")).href;
      const problems = [];
      if (got.href !== want) {
        problems.push("first result " + got.href + ", not " + want);
      }
      if (!got.status || !got.live) {
        problems.push("no result count in an aria-live status");
      }
      if (!got.visible) {
        problems.push("the search box is not shown");
      }
      results.record(label + " \"" + query.name + "\"" + (query.alias ? ", an old name," : "")
        + " finds its alert's page first", problems);
    });
    if (job.screenshot && site.catalogue.alerts.length > 0) {
      await tab.page.fill("#search-input", site.catalogue.alerts[0].name.slice(0, 6));
      await tab.page.screenshot({ path: job.screenshot, fullPage: false });
    }
  } catch (e) {
    errors.push("could not search: " + e.message.split("\n")[0]);
  } finally {
    tab.errors = null;
  }
  results.record(label + ": no console error, page error or outside request", errors);
}

/** Without JavaScript the search page still links every alert. */
async function checkSearchWithoutScript(browser, results, site) {
  const search = site.pages.find((p) => p.kind === "search");
  const outside = [];
  const context = await guardedContext(browser, { javaScriptEnabled: false }, (url) => outside.push(url));
  try {
    const page = await context.newPage();
    await page.goto(pageUrl(site, search, "http"), { waitUntil: "load" });
    const hrefs = new Set(await page.evaluate(() => [...document.querySelectorAll("a[href]")].map((a) => a.href)));
    const missing = site.catalogue.alerts.map((a) => site.origin + site.prefix + a.page).filter((u) => !hrefs.has(u));
    results.record(site.name + " search without JavaScript links every alert",
      missing.map((u) => "no link to " + u).concat(outside.map((u) => "a request leaves the machine: " + u)));
  } finally {
    await context.close();
  }
}

/** Every link of every page leads to a file of the site, and its fragment to an id on that page. */
function checkLinks(results, jobs) {
  for (const job of jobs) {
    if (job.type !== "page" || !job.links) {
      continue;
    }
    const { site, page, mode } = job;
    const problems = [];
    for (const link of job.links) {
      const to = linkTarget(site, mode, link.href, page);
      if (to.problem) {
        problems.push(link.raw + " (" + link.href + "): " + to.problem);
      } else if (!to.external && to.fragment) {
        const ids = site.ids.get(to.rel);
        if (!ids || !ids.has(to.fragment)) {
          problems.push(link.raw + ": no id \"" + to.fragment + "\" on " + to.rel);
        }
      }
    }
    results.record(site.name + " " + mode + " /" + page.rel + ": every link and fragment resolves", problems);
  }
}

/** The jobs: each page over http and from file:// (but the 404 page, which only a host serves), and search. */
function plan(sites, opts) {
  const jobs = [];
  for (const site of sites) {
    const shots = opts.screenshots ? path.join(opts.screenshots, site.name) : null;
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
    }
    // One screenshot per kind of page: the fullest alert page, the first page of each other kind.
    const pick = new Map();
    for (const p of site.pages) {
      if (p.redirect) {
        continue;
      }
      const had = pick.get(p.kind);
      if (!had || (p.kind === "alert" && p.size > had.size)) {
        pick.set(p.kind, p);
      }
    }
    for (const mode of ["http", "file"]) {
      jobs.push({ type: "search", site, mode, screenshot: shots && mode === "http" ? path.join(shots, "search.png") : null });
    }
    for (const page of site.pages) {
      for (const mode of ["http", "file"]) {
        if (mode === "file" && page.rel === "404.html") {
          continue;
        }
        const job = { type: "page", site, page, mode };
        if (mode === "http" && shots && page.kind !== "search" && pick.get(page.kind) === page) {
          job.screenshot = path.join(shots, page.kind + ".png");
        }
        if (mode === "http" && opts.docsImages && site.name === opts.docsSite) {
          const alert = opts.docsAlert || (pick.get("alert") || {}).rel;
          if (page.rel === alert) {
            job.docsImage = path.join(opts.docsImages, "catalogue-alert.png");
          } else if (page.kind === "routing") {
            job.docsImage = path.join(opts.docsImages, "catalogue-routing.png");
          }
        }
        jobs.push(job);
      }
    }
  }
  return jobs;
}

/**
 * The processor time of this process and of Chromium, which it has ended and reaped by now: on a busy
 * machine the wall time says little of what the suite costs.
 */
function cpuSeconds() {
  try {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime, stime, cutime and cstime are fields 14 to 17 of the line, counted from the pid.
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return " (" + (ticks / 100).toFixed(1) + " s of processor time)";
  } catch (e) {
    return "";
  }
}

async function main() {
  const started = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  const sites = opts.sites.map((s) => loadSite(s.name, s.dir));
  if (opts.docsSite && !sites.some((s) => s.name === opts.docsSite)) {
    throw new Error("--docs-site " + opts.docsSite + " is not one of the sites");
  }
  const servers = [];
  for (const site of sites) {
    const server = await serve(site.root, site.prefix);
    site.origin = server.origin;
    servers.push(server);
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium-headless-shell",
    // Root may not sandbox; the machine has no GPU.
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const results = new Results();
  const jobs = plan(sites, opts);
  try {
    // Two pages at a time on two cores: more only queue behind the browser's own processes.
    const workers = Number(process.env.CATALOGUE_TEST_WORKERS || 2);
    let next = 0;
    await Promise.all(Array.from({ length: workers }, async () => {
      const viewport = { viewport: { width: WIDTHS[WIDTHS.length - 1], height: HEIGHT } };
      const tabs = { http: await newTab(browser, viewport, true), file: await newTab(browser, viewport, false) };
      while (next < jobs.length) {
        const job = jobs[next++];
        if (job.type === "search") {
          await checkSearch(tabs[job.mode], results, job);
        } else {
          await checkPage(tabs[job.mode], results, job);
        }
      }
      await tabs.http.context.close();
      await tabs.file.context.close();
    }));
    for (const site of sites) {
      await checkSearchWithoutScript(browser, results, site);
    }
    checkLinks(results, jobs);
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
  for (const f of results.failed) {
    console.log("FAIL " + f.name);
    for (const p of f.problems) {
      console.log("     " + p);
    }
  }
  const pages = jobs.filter((j) => j.type === "page").length;
  console.log("catalogue browser tests: " + sites.length + " sites, " + pages + " page loads, "
    + ((Date.now() - started) / 1000).toFixed(1) + " s" + cpuSeconds());
  console.log(results.passed + " passed, " + results.failed.length + " failed");
  process.exitCode = results.failed.length === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e.stack || String(e));
  console.log("0 passed, 1 failed");
  process.exitCode = 1;
});
