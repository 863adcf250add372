'use strict';
// How the extension finds and checks the Java that runs the server. The Java homes here are real
// directories with a `bin/java` that prints what a JDK of that release prints for `java -version`,
// and the last test asks the machine's own Java.

const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const test = require('node:test');
const { MIN_JAVA_RELEASE, findJava, parseJavaRelease, checkJava, serverCommand } = require('../src/java');

const OPENJDK_17 = 'openjdk version "17.0.15" 2025-04-15\n'
  + 'OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)\n'
  + 'OpenJDK 64-Bit Server VM (build 17.0.15+6-Debian-1deb12u1, mixed mode, sharing)\n';
const ORACLE_8 = 'java version "1.8.0_381"\nJava(TM) SE Runtime Environment (build 1.8.0_381-b09)\n';
const OPENJDK_11 = 'openjdk version "11.0.22" 2024-01-16\nOpenJDK Runtime Environment (build 11.0.22+7)\n';
const EA_21 = 'openjdk version "21-ea" 2023-09-19\nOpenJDK Runtime Environment (build 21-ea+35-2513)\n';
const TOOL_OPTIONS_25 = 'Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding="UTF-8"\nopenjdk version "25.0.1" 2025-10-21 LTS\n';

test('parseJavaRelease reads the major release of each kind of version string', () => {
  assert.strictEqual(parseJavaRelease(OPENJDK_17), 17);
  assert.strictEqual(parseJavaRelease(ORACLE_8), 8);
  assert.strictEqual(parseJavaRelease(OPENJDK_11), 11);
  assert.strictEqual(parseJavaRelease(EA_21), 21);
  assert.strictEqual(parseJavaRelease(TOOL_OPTIONS_25), 25);
  assert.strictEqual(parseJavaRelease('java version "9"\n'), 9);
  assert.strictEqual(parseJavaRelease('Error: could not find libjava.so\n'), null);
  assert.strictEqual(parseJavaRelease(''), null);
});

/** A directory laid out as a Java home whose bin/java prints `output` on stderr, as Java does. */
function javaHome(root, name, output, { executable = true } = {}) {
  const home = path.join(root, name);
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  const java = path.join(home, 'bin', 'java');
  const lines = output.split('\n').filter((l) => l).map((l) => `echo '${l.replace(/'/g, "'\\''")}' >&2`);
  fs.writeFileSync(java, `#!/bin/sh\n${lines.join('\n')}\n`);
  fs.chmodSync(java, executable ? 0o755 : 0o644);
  return home;
}

test('findJava takes the setting, else JAVA_HOME, else the PATH', { skip: process.platform === 'win32' }, (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-java-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const setting = javaHome(root, 'setting', OPENJDK_17);
  const envHome = javaHome(root, 'env', OPENJDK_17);
  const onPath = javaHome(root, 'path', OPENJDK_17);
  const notExecutable = javaHome(root, 'plain', OPENJDK_17, { executable: false });
  const empty = path.join(root, 'empty');
  fs.mkdirSync(empty);
  const PATH = [empty, path.join(notExecutable, 'bin'), path.join(onPath, 'bin')].join(path.delimiter);

  assert.deepStrictEqual(findJava({ javaHome: setting, env: { JAVA_HOME: envHome, PATH } }),
    { path: path.join(setting, 'bin', 'java'), source: 'the vigil.java.home setting' });
  assert.deepStrictEqual(findJava({ javaHome: '  ', env: { JAVA_HOME: envHome, PATH } }),
    { path: path.join(envHome, 'bin', 'java'), source: 'JAVA_HOME' });
  // A JAVA_HOME without a java is passed over, as Vigil's launcher does; so is a java that cannot run.
  assert.deepStrictEqual(findJava({ javaHome: '', env: { JAVA_HOME: empty, PATH } }),
    { path: path.join(onPath, 'bin', 'java'), source: 'the PATH' });
  // `~` in the setting is the user's home.
  assert.deepStrictEqual(findJava({ javaHome: '~/setting', env: { HOME: root, PATH: '' } }),
    { path: path.join(setting, 'bin', 'java'), source: 'the vigil.java.home setting' });

  // A setting that names no Java is an error that names the setting, not a silent fallback.
  const wrong = findJava({ javaHome: empty, env: { JAVA_HOME: envHome, PATH } });
  assert.match(wrong.error, /vigil\.java\.home setting names .*empty, which has no executable bin\/java/);
  const none = findJava({ javaHome: '', env: { JAVA_HOME: empty, PATH: empty } });
  assert.match(none.error, /^No Java found \(JAVA_HOME is .*empty, which has no bin\/java\)\. .*Java 17 or later/);
  assert.match(findJava({ javaHome: '', env: {} }).error, /^No Java found\. /);
});

test('on Windows the executable is java.exe', () => {
  assert.match(findJava({ javaHome: 'C:\\no\\such\\jdk', env: {}, platform: 'win32' }).error, /bin\/java\.exe/);
});

test('checkJava runs java -version and refuses releases before 17', { skip: process.platform === 'win32' }, async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-java-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const env = { PATH: '' };

  const ok = await checkJava({ javaHome: javaHome(root, 'jdk17', OPENJDK_17), env });
  assert.deepStrictEqual(ok, { path: path.join(root, 'jdk17', 'bin', 'java'), source: 'the vigil.java.home setting', release: 17 });
  assert.strictEqual((await checkJava({ javaHome: javaHome(root, 'jdk21', EA_21), env })).release, 21);

  const old = await checkJava({ javaHome: javaHome(root, 'jdk11', OPENJDK_11), env });
  assert.strictEqual(old.error, `The Vigil language server needs Java ${MIN_JAVA_RELEASE} or later, but `
    + `${path.join(root, 'jdk11', 'bin', 'java')} (from the vigil.java.home setting) is Java 11. Set the `
    + 'vigil.java.home setting to the home directory of Java 17 or later.');
  assert.match((await checkJava({ javaHome: javaHome(root, 'jre8', ORACLE_8), env })).error, /is Java 8\./);
  assert.match((await checkJava({ javaHome: javaHome(root, 'broken', 'Error: no libjvm\n'), env })).error,
    /did not say which Java release it is/);

  const home = path.join(root, 'crashing');
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  fs.writeFileSync(path.join(home, 'bin', 'java'), '#!/bin/sh\necho "Error occurred during initialization of VM" >&2\nexit 1\n');
  fs.chmodSync(path.join(home, 'bin', 'java'), 0o755);
  assert.match((await checkJava({ javaHome: home, env })).error, /crashing\/bin\/java \(from the vigil\.java\.home setting\) did not run/);
});

test('the Java of this machine is found and accepted', async () => {
  const result = await checkJava({ javaHome: '' });
  assert.strictEqual(result.error, undefined, result.error);
  assert.ok(result.release >= MIN_JAVA_RELEASE, `release ${result.release}`);
});

test('serverCommand runs the jar\'s lsp command with the configured options', () => {
  assert.deepStrictEqual(serverCommand({ java: '/jdk/bin/java', jar: '/ext/server/vigil.jar' }),
    { command: '/jdk/bin/java', args: ['-jar', '/ext/server/vigil.jar', 'lsp'] });
  assert.deepStrictEqual(serverCommand({ java: 'java', jar: 'v.jar', jvmArgs: ['-Xmx512m'], args: ['--debug'] }),
    { command: 'java', args: ['-Xmx512m', '-jar', 'v.jar', 'lsp', '--debug'] });
});
