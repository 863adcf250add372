def log = new File(basedir, 'build.log').text
assert log.contains('Vigil check: no problems found')
assert log.contains('passed: promtool check rules: prometheus/rules/checkout.rules.yml')
// The failure is named at the line of the expectation that failed, in Vigil's terms, in the log and the build's
// message; promtool's own report is not repeated (it is in the JUnit report and with -Dvigil.test.verbose).
assert log.contains('checkout.vigil:49:5: error[Test.Failed]: At `20m`, `job:http_errors:ratio_rate5m` has other values '
        + 'than the test `a tenth of requests failing raises the error alert` expects.')
assert log.contains('= sample job:http_errors:ratio_rate5m{job="checkout"}: expected 0.25, got 0.1')
assert !log.contains('exp: {__name__="job:http_errors:ratio_rate5m", job="checkout"} 2.5E-01')
assert log.findAll(/checkout\.vigil:49:5: (error\[Test\.Failed\]: )?At `20m`/).size() >= 2
assert log.contains('Vigil tests failed on ')

// The JUnit report is where CI servers look for the Java tests' reports, and holds the failure.
def junit = new File(basedir, 'target/surefire-reports/TEST-vigil-test-failing-promtool.xml')
assert junit.isFile() : 'no JUnit report'
def suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit).documentElement
assert suite.getAttribute('name') == 'vigil-test-failing-promtool'
assert suite.getAttribute('failures') == '1'
def failure = suite.getElementsByTagName('failure').item(0)
def failed = failure.parentNode
assert failed.getAttribute('name') == 'a tenth of requests failing raises the error alert'
assert failure.getAttribute('type') == 'Test.Failed'
assert failure.getAttribute('message').contains('checkout.vigil:49:5: At `20m`')
assert failed.getElementsByTagName('system-out').item(0).textContent.contains('2.5E-01')
return true
