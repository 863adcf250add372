// A static host for one generated site on 127.0.0.1: the site sits below the path of its base_url, a folder
// serves its index.html, and a missing path gets 404.html with status 404, as on a typical static host.
"use strict";
const fs = require("fs");
const http = require("http");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch (e) {
    return false;
  }
}

function isDirectory(file) {
  try {
    return fs.statSync(file).isDirectory();
  } catch (e) {
    return false;
  }
}

/** Starts the host; resolves to its origin, such as http://127.0.0.1:41234, and a close function. */
function serve(root, prefix) {
  const server = http.createServer((req, res) => {
    const send = (status, file, headers) => {
      res.writeHead(status, Object.assign({ "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" },
        headers || {}));
      res.end(req.method === "HEAD" ? undefined : fs.readFileSync(file));
    };
    const notFound = () => send(404, path.join(root, "404.html"));
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch (e) {
      notFound();
      return;
    }
    if (!urlPath.startsWith(prefix)) {
      notFound();
      return;
    }
    const file = path.join(root, urlPath.slice(prefix.length));
    if (file !== root && !file.startsWith(root + path.sep)) {
      notFound();
      return;
    }
    if (urlPath.endsWith("/")) {
      isFile(path.join(file, "index.html")) ? send(200, path.join(file, "index.html")) : notFound();
    } else if (isDirectory(file)) {
      res.writeHead(301, { Location: urlPath + "/" }).end();
    } else if (isFile(file)) {
      send(200, file);
    } else {
      notFound();
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      resolve({
        origin: "http://127.0.0.1:" + server.address().port,
        close: () => new Promise((done) => {
          server.close(done);
          server.closeAllConnections();
        }),
      });
    });
  });
}

module.exports = { serve, isFile };
