def log = new File(basedir, 'build.log').text
assert log.contains('promtool was not found (vigil.test.promtool = `/nonexistent/promtool`). Install it')
assert log.contains('its checks are SKIPPED because vigil.test.skipMissingTools is set')
assert log.contains('SKIPPED (tool missing, vigil.test.skipMissingTools is set): promtool: rule files not checked: 1, unit test files not run: 1')
// amtool is there, so its checks still ran.
assert log.contains('passed: amtool check-config: alertmanager/alertmanager.yml')
return true
