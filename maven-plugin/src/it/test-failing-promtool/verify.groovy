def log = new File(basedir, 'build.log').text
assert log.contains('Vigil check: no problems found')
assert log.contains('passed: promtool check rules prometheus/rules/checkout.rules.yml')
assert log.contains('FAILED: promtool test rules prometheus/tests/checkout.test.yml')
// promtool's own explanation is in the log.
assert log.contains('exp: {__name__="job:http_errors:ratio_rate5m", job="checkout"} 2.5E-01')
assert log.contains('got: {__name__="job:http_errors:ratio_rate5m", job="checkout"} 1E-01')
// and the failure is named at the line of the expectation that failed, in the log and the build's message.
assert log.findAll(/checkout\.vigil:49:5: the expectation of `job:http_errors:ratio_rate5m` at 20m failed/).size() >= 2
assert log.contains('Vigil tests failed on ')
return true
