'use strict';
// The language configuration against the language: its comment and bracket tokens are the lexer's, and
// its patterns (which VS Code compiles as JavaScript regular expressions) compile and match Vigil's words.

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const test = require('node:test');
const { EXTENSION } = require('./tokenizer');

const config = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'language-configuration.json'), 'utf8'));
const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.json'), 'utf8'));
const lexer = fs.readFileSync(path.join(EXTENSION, '..', '..', 'dsl-grammar', 'src', 'main', 'antlr4', 'dev', 'vigil', 'grammar', 'Vigil.g4'), 'utf8');

test('the comment tokens are the lexer\'s', () => {
  assert.match(lexer, /LINE_COMMENT\s*:\s*'\/\/'/);
  assert.match(lexer, /BLOCK_COMMENT\s*:\s*'\/\*' \.\*\? '\*\/'/);
  assert.strictEqual(config.comments.lineComment, '//');
  assert.deepStrictEqual(config.comments.blockComment, ['/*', '*/']);
});

test('brackets pair up and close automatically, quotes too', () => {
  const pairs = [['{', '}'], ['[', ']'], ['(', ')']];
  assert.deepStrictEqual(config.brackets, pairs);
  const closing = new Map(config.autoClosingPairs.map((p) => [p.open, p.close]));
  for (const [open, close] of [...pairs, ['"', '"'], ["'", "'"], ['`', '`']]) {
    assert.strictEqual(closing.get(open), close, open);
  }
  assert.deepStrictEqual(config.autoClosingPairs.find((p) => p.open === '"').notIn, ['string', 'comment']);
});

test('a word is a metric name with colons, a $reference, a number, a percentage or a duration', () => {
  const word = new RegExp(config.wordPattern, 'g');
  const words = (text) => text.match(word);
  assert.deepStrictEqual(words('when aether:cache_hit_ratio:rate5m < $cache_floor'),
    ['when', 'aether:cache_hit_ratio:rate5m', '$cache_floor']);
  assert.deepStrictEqual(words('objective 99.9% window 1h30m threshold 0.25 for 200ms'),
    ['objective', '99.9%', 'window', '1h30m', 'threshold', '0.25', 'for', '200ms']);
});

test('folding markers and indentation rules compile and match', () => {
  const start = new RegExp(config.folding.markers.start);
  const end = new RegExp(config.folding.markers.end);
  assert.ok(start.test('  // #region alerts') && start.test('# region') && !start.test('service x {'));
  assert.ok(end.test('  // #endregion') && !end.test('  // #region'));
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
  assert.ok(increase.test('service shop {') && increase.test('  blueprint red(') && increase.test('  tags ['));
  assert.ok(!increase.test('  labels { app = "shop" }') && !increase.test('  summary "a { b"'));
  assert.ok(decrease.test('  }') && decrease.test(') {') && !decrease.test('  team "x"'));
  for (const rule of config.onEnterRules) {
    assert.doesNotThrow(() => new RegExp(rule.beforeText));
  }
});

test('the manifest ties the language, its configuration and the grammar together', () => {
  const [language] = manifest.contributes.languages;
  assert.deepStrictEqual([language.id, language.extensions, language.configuration],
    ['vigil', ['.vigil'], './language-configuration.json']);
  const [grammar] = manifest.contributes.grammars;
  assert.deepStrictEqual([grammar.language, grammar.scopeName], ['vigil', 'source.vigil']);
  const grammarFile = JSON.parse(fs.readFileSync(path.join(EXTENSION, grammar.path), 'utf8'));
  assert.strictEqual(grammarFile.scopeName, 'source.vigil');
  assert.ok(manifest.activationEvents.includes('onLanguage:vigil'));
  assert.ok(fs.existsSync(path.join(EXTENSION, manifest.main)), manifest.main);
  assert.strictEqual(manifest.contributes.configuration.properties['vigil.java.home'].default, '');
});

test('the extension\'s version is the project\'s, without -SNAPSHOT', () => {
  const pom = fs.readFileSync(path.join(EXTENSION, '..', '..', 'pom.xml'), 'utf8');
  const projectVersion = /^ {2}<version>([^<]+)<\/version>$/m.exec(pom)[1];
  assert.strictEqual(manifest.version, projectVersion.replace(/-SNAPSHOT$/, ''));
});
