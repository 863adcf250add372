'use strict';
// The Vigil extension: starts the bundled language server (`java -jar server/vigil.jar lsp`, over stdio)
// for .vigil files. Highlighting comes from the TextMate grammar and needs no server.

const fs = require('fs');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { checkJava, serverCommand } = require('./java');

const OPEN_SETTINGS = 'Open Settings';
const SHOW_OUTPUT = 'Show Output';

let client;
let watcher;
let output;
// Starts and stops run one at a time, so that a restart during a start does not leave two servers.
let queue = Promise.resolve();

function serialized(action) {
  queue = queue.then(action, action);
  return queue;
}

// Not awaited by its callers: the message stays until the user closes it, and nothing should wait for that.
async function showError(message) {
  output.appendLine(message);
  const choice = await vscode.window.showErrorMessage(`Vigil: ${message}`, OPEN_SETTINGS, SHOW_OUTPUT);
  if (choice === OPEN_SETTINGS) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'vigil.');
  } else if (choice === SHOW_OUTPUT) {
    output.show(true);
  }
}

async function start(context) {
  const config = vscode.workspace.getConfiguration('vigil');
  const java = await checkJava({ javaHome: config.get('java.home', '') });
  if (java.error) {
    void showError(java.error);
    return;
  }
  const configuredJar = config.get('server.jar', '').trim();
  const jar = configuredJar || context.asAbsolutePath('server/vigil.jar');
  if (!fs.existsSync(jar)) {
    void showError(configuredJar
      ? `The vigil.server.jar setting names ${configuredJar}, which does not exist.`
      : `The language server is missing from the extension (${jar}). Reinstall the extension; a .vsix built `
        + 'with scripts/package-vscode bundles it.');
    return;
  }
  const command = serverCommand({
    java: java.path,
    jar,
    jvmArgs: config.get('server.jvmArgs', []),
    args: config.get('server.args', []),
  });
  output.appendLine(`Starting ${command.command} ${command.args.join(' ')} (Java ${java.release}, from ${java.source})`);
  // The server learns of .vigil files changed outside the editor (a git checkout, a generator).
  watcher = vscode.workspace.createFileSystemWatcher('**/*.vigil');
  client = new LanguageClient('vigil', 'Vigil Language Server', command, {
    documentSelector: [
      { scheme: 'file', language: 'vigil' },
      { scheme: 'untitled', language: 'vigil' },
    ],
    synchronize: {
      fileEvents: watcher,
    },
    outputChannel: output,
    traceOutputChannel: output,
  });
  try {
    await client.start();
  } catch (err) {
    await stop();
    void showError(`The language server did not start: ${err.message || err}`);
  }
}

async function stop() {
  const running = client;
  client = undefined;
  watcher?.dispose();
  watcher = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (err) {
      output.appendLine(`Stopping the language server failed: ${err.message || err}`);
    }
  }
}

function activate(context) {
  output = vscode.window.createOutputChannel('Vigil Language Server');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('vigil.restartServer', () => serialized(async () => {
      await stop();
      await start(context);
    })),
    vscode.commands.registerCommand('vigil.showServerOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('vigil.java') || event.affectsConfiguration('vigil.server')) {
        serialized(async () => {
          await stop();
          await start(context);
        });
      }
    }),
  );
  serialized(() => start(context));
}

function deactivate() {
  return serialized(stop);
}

module.exports = { activate, deactivate };
