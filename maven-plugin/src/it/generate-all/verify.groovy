// Every output of `vigil build` is written, the zip is attached, and promtool and amtool passed.
def out = new File(basedir, 'target/vigil')
def expected = [
    'manifest.json',
    'prometheus/rules/checkout.rules.yml',
    'prometheus/tests/checkout.test.yml',
    'alertmanager/alertmanager.yml',
    'alertmanager/templates/vigil.tmpl',
    'grafana/dashboards/checkout-checkout-overview.json',
    'grafana/provisioning/dashboards.yml',
    'runbooks/checkout/CheckoutErrorRateHigh.md',
    'runbooks/checkout/README.md',
    'kubernetes/prometheusrule-checkout.yaml',
    'kubernetes/alertmanager-config.yaml',
    'mimir/rules/checkout.yml',
]
expected.each { path ->
    def f = new File(out, path)
    assert f.isFile() && f.length() > 0 : "missing output ${path}"
}
assert new File(out, 'prometheus/rules/checkout.rules.yml').text.contains('alert: CheckoutErrorRateHigh')

def zip = new File(basedir, 'target/generate-all-1.0-monitoring.zip')
assert zip.isFile() : 'the monitoring zip was not written'
def entries = new java.util.zip.ZipFile(zip).withCloseable { z -> z.entries().collect { it.name } }
assert entries.containsAll(expected) : "zip entries: ${entries}"

def log = new File(basedir, 'build.log').text
assert log.contains('Vigil check: no problems found')
assert log.contains('Vigil wrote ')
assert log.contains('passed: promtool check rules: prometheus/rules/checkout.rules.yml')
assert log.contains('passed: amtool check-config: alertmanager/alertmanager.yml')
assert log.contains('Vigil tests: 5 passed, 0 failed (JUnit report: ')
assert new File(basedir, 'target/surefire-reports/TEST-vigil-generate-all.xml').isFile()
assert log.contains('Vigil attached generate-all-1.0-monitoring.zip (classifier monitoring)')
return true
