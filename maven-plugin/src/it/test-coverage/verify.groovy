def log = new File(basedir, 'build.log').text
// The first build: 1 of 2 points (`up == 0` reads no rate, so fires and silent; no test makes it fire),
// under the 100% the POM requires. The shortfall, then the alert at its declaration, in the log and the failure.
assert log.contains('error[Test.Uncovered]: The tests cover 1 of 2 points (50%), under the 100% that is required.')
assert log.contains('src/main/vigil/shop.vigil:3:11: error[Test.Uncovered]: Alert `ShopDown` has no test that makes it fire.')
assert log.contains('= hint: Add `at TIME expect alert ShopDown {labels}` to a test whose series make it fire.')
assert log.contains('Vigil test coverage: 1 of 2 points (50%); 100% required')
assert log.contains('  src/main/vigil/shop.vigil:3:11: Alert `ShopDown` has no test that makes it fire.')
// The second build asks for 50% and passes; the reports are written either way.
assert log.contains('passed: coverage: at least 50% of the coverage points')
assert log.contains('Vigil test coverage: 1 of 2 points (50%); 50% required')
def md = new File(basedir, 'target/vigil-coverage/coverage.md')
assert md.isFile() : 'no Markdown summary'
assert md.text.contains('- alert `ShopDown` (src/main/vigil/shop.vigil:3): missing fires')
assert new File(basedir, 'target/vigil-coverage/coverage.json').text.contains('"meets" : true')
def junit = new File(basedir, 'target/surefire-reports/TEST-vigil-test-coverage.xml').text
assert junit.contains('name="at least 50% of the coverage points"')
return true
