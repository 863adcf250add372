'use strict';
// Finding and checking the Java that runs the language server. No `vscode` here, so that `node --test`
// can run it: the extension passes in its settings and the environment.

const childProcess = require('child_process');
const fs = require('fs');

/** The oldest Java release the server runs on (the project's `maven.compiler.release`). */
const MIN_JAVA_RELEASE = 17;

function pathApi(platform) {
  const path = require('path');
  return platform === 'win32' ? path.win32 : path.posix;
}

function isExecutableFile(file) {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `~` and `~/...` as the shell reads them; the settings editor does not expand them. */
function expandHome(dir, env) {
  const home = env.HOME || env.USERPROFILE;
  if (!home || (dir !== '~' && !dir.startsWith('~/') && !dir.startsWith('~\\'))) {
    return dir;
  }
  return home + dir.slice(1);
}

/**
 * The java executable to run: `bin/java` of the `vigil.java.home` setting when it is set, else of
 * `JAVA_HOME` when that has one, else the first `java` on the `PATH` (as Vigil's own launcher chooses).
 * Returns `{ path, source }`, where source says where it came from for messages, or `{ error }`.
 */
function findJava({ javaHome, env = process.env, platform = process.platform }) {
  const p = pathApi(platform);
  const exe = platform === 'win32' ? 'java.exe' : 'java';
  const setting = (javaHome || '').trim();
  if (setting) {
    const candidate = p.join(expandHome(setting, env), 'bin', exe);
    if (isExecutableFile(candidate)) {
      return { path: candidate, source: 'the vigil.java.home setting' };
    }
    return {
      error: `The vigil.java.home setting names ${setting}, which has no executable bin/${exe}. `
        + 'Set it to the home directory of Java 17 or later, or clear it to use JAVA_HOME or the PATH.',
    };
  }
  if (env.JAVA_HOME) {
    const candidate = p.join(env.JAVA_HOME, 'bin', exe);
    if (isExecutableFile(candidate)) {
      return { path: candidate, source: 'JAVA_HOME' };
    }
  }
  for (const dir of (env.PATH || env.Path || '').split(p.delimiter)) {
    if (dir) {
      const candidate = p.join(dir, exe);
      if (isExecutableFile(candidate)) {
        return { path: candidate, source: 'the PATH' };
      }
    }
  }
  const badHome = env.JAVA_HOME ? ` (JAVA_HOME is ${env.JAVA_HOME}, which has no bin/${exe})` : '';
  return {
    error: `No Java found${badHome}. The Vigil language server needs Java 17 or later: install one, `
      + 'and set the vigil.java.home setting or JAVA_HOME to its home directory, or put its java on the PATH.',
  };
}

/**
 * The major release in `java -version` output: "1.8.0_392" is 8, "17.0.9" is 17, "21-ea" is 21.
 * Other lines (such as "Picked up JAVA_TOOL_OPTIONS") are skipped; null when no version is found.
 */
function parseJavaRelease(output) {
  const m = /\bversion "([^"]+)"/.exec(output || '');
  if (!m) {
    return null;
  }
  let version = m[1];
  if (version.startsWith('1.')) {
    version = version.slice(2);
  }
  const major = /^(\d+)/.exec(version);
  return major ? Number(major[1]) : null;
}

/** Runs `java -version` and resolves to its output (Java prints it on stderr). */
function javaVersionOutput(javaPath, timeoutMs = 30000) {
  return new Promise((resolve, reject) => {
    childProcess.execFile(javaPath, ['-version'], { timeout: timeoutMs, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        reject(err);
      } else {
        resolve(`${stderr}${stdout}`);
      }
    });
  });
}

/**
 * Finds Java and checks its release: resolves to `{ path, source, release }`, or `{ error }` with a
 * message for the user that says what was found and what to do.
 */
async function checkJava({ javaHome, env = process.env, platform = process.platform }) {
  const found = findJava({ javaHome, env, platform });
  if (found.error) {
    return found;
  }
  let output;
  try {
    output = await javaVersionOutput(found.path);
  } catch (err) {
    return { error: `${found.path} (from ${found.source}) did not run: ${err.message}` };
  }
  const release = parseJavaRelease(output);
  if (release === null) {
    return { error: `${found.path} (from ${found.source}) did not say which Java release it is.` };
  }
  if (release < MIN_JAVA_RELEASE) {
    return {
      error: `The Vigil language server needs Java ${MIN_JAVA_RELEASE} or later, but ${found.path} (from `
        + `${found.source}) is Java ${release}. Set the vigil.java.home setting to the home directory of Java `
        + `${MIN_JAVA_RELEASE} or later.`,
    };
  }
  return { ...found, release };
}

/** The command line that starts the server over stdio. */
function serverCommand({ java, jar, jvmArgs = [], args = [] }) {
  return { command: java, args: [...jvmArgs, '-jar', jar, 'lsp', ...args] };
}

module.exports = {
  MIN_JAVA_RELEASE,
  findJava,
  parseJavaRelease,
  javaVersionOutput,
  checkJava,
  serverCommand,
};
