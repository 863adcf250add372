def log = new File(basedir, 'build.log').text
// The library was published as any artifact: a jar in the local repository with its .vigil file inside.
def repo = new File(basedir, '../../it-repo/dev/vigil/it/monitoring-lib/1.0/monitoring-lib-1.0.jar').canonicalFile
assert repo.isFile() : "monitoring-lib was not installed at ${repo}"
def entries = new java.util.zip.ZipFile(repo).withCloseable { z -> z.entries().collect { it.name } }
assert entries.contains('META-INF/vigil/red/red.vigil') : entries

// payments imported `lib:red` from its dependency and used its blueprint: the library's alert, with
// the library's values, is in its rules, and its runbook names the template.
assert log.contains('Vigil check: no problems found') : 'vigil:check reported problems'
def rules = new File(basedir, 'payments/target/vigil/prometheus/rules/payments.rules.yml')
assert rules.isFile() : 'no rules for payments'
assert rules.text.contains('alert: PaymentsErrorRateHigh') : "the blueprint's alert is not in the rules:\n${rules.text}"
assert rules.text.contains('job:http_errors:ratio_rate5m{job="payments"} > 0.025') : "the library's threshold is not in the rules:\n${rules.text}"
assert rules.text.contains('for: 10m') : "the library's duration is not in the rules:\n${rules.text}"

def runbook = new File(basedir, 'payments/target/vigil/runbooks/payments/PaymentsErrorRateHigh.md')
assert runbook.text.contains('Generated from template `red_errors`') : runbook.text

// The jar holding the library is part of the incremental state's configuration, not an input path
// of its own; a `lib:` path is no file on disk.
def state = new File(basedir, 'payments/target/vigil-state/generate.state').text
assert !state.contains('lib:') : state
return true
