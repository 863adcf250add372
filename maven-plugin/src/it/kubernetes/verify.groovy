def out = new File(basedir, 'target/vigil/kubernetes')
def rule = new File(out, 'prometheusrule-checkout.yaml')
assert rule.isFile() : 'the PrometheusRule was not written'
def text = rule.text
// The POM's namespace replaces the sources'; its label replaces theirs of the same key, and theirs of other keys stay.
[
    '  name: checkout\n',
    '  namespace: monitoring\n',
    '    release: kube-prometheus-stack\n',
    '    team: payments\n',
    '    vigil.dev/service: checkout\n',
    '    example.com/pipeline: monitoring-ci\n',
].each { line -> assert text.contains(line) : "${line.trim()} missing from\n${text}" }
assert !text.contains('from-sources') : text

// The POM asks for an AlertmanagerConfig instead of the alertmanager.yml ConfigMap.
def amc = new File(out, 'alertmanagerconfig.yaml')
assert amc.isFile() : 'the AlertmanagerConfig was not written'
assert amc.text.contains('kind: AlertmanagerConfig\n') : amc.text
assert amc.text.contains('  namespace: monitoring\n') : amc.text
assert !new File(out, 'alertmanager-config.yaml').exists() : 'the ConfigMap was written too'
return true
