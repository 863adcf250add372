// The log's arrows depend on the console's encoding; the Markdown file is always UTF-8.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('vigil diff: HEAD ') && log.contains(' working tree') : 'the report is logged'
assert log.contains('~ ApiDown: for 5m ')
assert log.contains('breaking: The alert `ApiSlow` is removed')
def md = new File(basedir, 'target/diff.md').getText('UTF-8')
assert md.startsWith('### Vigil diff: `HEAD` \u2192 `working tree`')
assert md.contains('<details><summary><code>api</code>: 2 changes</summary>')
assert md.contains('`ApiDown`: for `5m` \u2192 `10m`')
assert log.contains('Vigil diff: breaking changes against HEAD:') : 'failOn=breaking fails the build and says why'
return true
