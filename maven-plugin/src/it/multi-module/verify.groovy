def log = new File(basedir, 'build.log').text
// common is built first, and each service used its threshold.
assert log.indexOf('Building common 1.0') < log.indexOf('Building orders 1.0')
assert log.indexOf('Building common 1.0') < log.indexOf('Building payments 1.0')
['orders', 'payments'].each { svc ->
    def rules = new File(basedir, "${svc}/target/vigil/prometheus/rules/${svc}.rules.yml")
    assert rules.isFile() : "no rules for ${svc}"
    assert rules.text.contains('> 0.05') : "the shared threshold is not in ${svc}'s rules:\n${rules.text}"
    // The imported file is an input of the incremental state, so editing it regenerates both services.
    def state = new File(basedir, "${svc}/target/vigil-state/generate.state")
    assert state.text.contains('common/src/main/vigil/common.vigil')
}
assert log.findAll('Vigil tests: 4 passed, 0 failed').size() == 2
assert !log.contains('generate (default) @ common')
assert !new File(basedir, 'common/target/vigil').exists()
return true
