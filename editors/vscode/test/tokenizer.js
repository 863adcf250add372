'use strict';
// Loads the extension's TextMate grammar into vscode-textmate, the engine VS Code highlights with.

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const EXTENSION = path.resolve(__dirname, '..');
const GRAMMAR_FILE = path.join(EXTENSION, 'syntaxes', 'vigil.tmLanguage.json');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => (scopeName === 'source.vigil'
      ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE)
      : null),
  });
  return registry.loadGrammar('source.vigil');
}

/**
 * Tokenizes a text line by line, as the editor does. Returns one entry per line: its text, its tokens
 * (`{ text, scopes }`) and the depth of the rule stack when the line starts (1 at the top level).
 */
function tokenize(grammar, text) {
  let state = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const depth = state.depth;
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const tokens = result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    return { line, tokens, depth, endDepth: state.depth };
  });
}

module.exports = { EXTENSION, GRAMMAR_FILE, loadGrammar, tokenize };
