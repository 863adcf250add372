def log = new File(basedir, 'build.log').text
def wrote = log.findAll(/Vigil wrote \S+: \d+ changed/)
def upToDate = log.findAll(/is up to date \(sources, configuration and plugin unchanged\); nothing to do/)
assert wrote.size() == 2 : "expected the first and third builds to generate: ${wrote}"
assert upToDate.size() == 1 : "expected the second build to do nothing: ${upToDate}"
// The order: generate, nothing, generate.
assert log.indexOf(wrote[0]) < log.indexOf(upToDate[0])
assert log.indexOf(upToDate[0]) < log.lastIndexOf('Vigil wrote ')
// The third build's output is byte for byte the same: the scrape interval only changes the checks.
assert log.contains(': 0 changed, 12 unchanged, 0 removed')
// The state lives under target/ and was promoted (no pending file is left behind).
def state = new File(basedir, 'target/vigil-state/generate.state')
assert state.isFile()
assert !new File(basedir, 'target/vigil-state/generate.state.pending').exists()
assert state.text.contains('src/main/vigil/checkout.vigil')
return true
