'use strict';
// Tokenizes every .vigil text of the repository that compiles (the samples, the standard library, the
// checks' test projects and the docs' examples) and checks what a reader would notice: nothing marked
// invalid, every top-level declaration read at the top level (no query or block left open), no DSL
// keyword taken for a metric inside a query, and a query after every `when`, `guard` and `query`.

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const test = require('node:test');
const { EXTENSION, GRAMMAR_FILE, loadGrammar, tokenize } = require('./tokenizer');

const REPO = path.resolve(EXTENSION, '..', '..');
const TOP_LEVEL = /^(import|const|service|extend|severities|settings|catalogue|kubernetes|checks|routing|alert_windows|blueprint|template)\b/;
const QUERY_KEYWORD = /^\s*(when|guard|query)\s+\S/;

function filesBelow(dir, suffix) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...filesBelow(file, suffix));
    } else if (entry.name.endsWith(suffix)) {
      out.push(file);
    }
  }
  return out.sort();
}

/** The texts to check, by group, each by a name for messages. */
function corpus() {
  const groups = new Map([['samples', new Map()], ['standard library', new Map()], ['check projects', new Map()], ['docs examples', new Map()]]);
  const add = (group, dir) => filesBelow(path.join(REPO, dir), '.vigil')
    .forEach((f) => groups.get(group).set(path.relative(REPO, f), fs.readFileSync(f, 'utf8')));
  for (const sample of fs.readdirSync(path.join(REPO, 'samples')).sort()) {
    if (fs.existsSync(path.join(REPO, 'samples', sample, 'src', 'main', 'vigil'))) {
      add('samples', path.join('samples', sample, 'src', 'main', 'vigil'));
    }
  }
  add('standard library', 'compiler/src/main/resources/META-INF/vigil/std');
  add('check projects', 'compiler/src/test/resources/checks');
  const docs = filesBelow(path.join(REPO, 'docs'), '.md').map((f) => path.relative(REPO, f));
  for (const doc of ['README.md', ...docs]) {
    const text = fs.readFileSync(path.join(REPO, doc), 'utf8');
    let n = 0;
    for (const m of text.matchAll(/```vigil\n([\s\S]*?)```/g)) {
      groups.get('docs examples').set(`${doc} example ${++n}`, m[1]);
    }
  }
  return groups;
}

function dslKeywords() {
  const m = /\(\?#dsl-keywords\)\(\?:([^)]*)\)/.exec(fs.readFileSync(GRAMMAR_FILE, 'utf8'));
  assert.ok(m, 'the grammar has a (?#dsl-keywords) list');
  return new Set(m[1].split('|'));
}

/** What is wrong in the tokens of one text, as messages naming its lines. */
function problems(grammar, keywords, name, text) {
  const lines = tokenize(grammar, text);
  const found = [];
  lines.forEach(({ line, tokens, depth }, i) => {
    const at = `${name}:${i + 1}`;
    if (TOP_LEVEL.test(line) && depth !== 1) {
      found.push(`${at}: a top-level declaration read inside an open rule: ${line}`);
    }
    for (const { text: word, scopes } of tokens) {
      if (scopes.some((s) => s.startsWith('invalid'))) {
        found.push(`${at}: \`${word}\` is marked ${scopes.join(' ')}`);
      }
      const promqlName = scopes.includes('variable.other.metric.promql') || scopes.includes('support.function.promql');
      if (promqlName && keywords.has(word.trim())) {
        found.push(`${at}: the DSL keyword \`${word}\` is read as PromQL (${scopes.join(' ')})`);
      }
    }
    if (QUERY_KEYWORD.test(line) && !tokens.some((tok) => tok.scopes.includes('source.promql'))) {
      found.push(`${at}: no query after the keyword: ${line}`);
    }
  });
  if (lines[lines.length - 1].endDepth !== 1) {
    found.push(`${name}: a rule is still open at the end of the text`);
  }
  return found;
}

test('every sample, library file, check project and docs example tokenizes cleanly', async (t) => {
  const grammar = await loadGrammar();
  const keywords = dslKeywords();
  const minimum = { samples: 40, 'standard library': 5, 'check projects': 100, 'docs examples': 100 };
  for (const [group, texts] of corpus()) {
    await t.test(`${group} (${texts.size})`, () => {
      assert.ok(texts.size >= minimum[group], `${texts.size} ${group} found`);
      const found = [];
      for (const [name, text] of texts) {
        found.push(...problems(grammar, keywords, name, text));
      }
      assert.deepStrictEqual(found, []);
    });
  }
});
