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
// The first execution's POM asks for the sidecar's ConfigMaps, with its own folder annotation, over the sources' GrafanaDashboard.
def sidecar = new File(out, 'grafana-dashboard-checkout-overview.yaml')
assert sidecar.isFile() : 'the dashboard ConfigMap was not written'
assert sidecar.text.contains('kind: ConfigMap\n') : sidecar.text
assert sidecar.text.contains('    example.com/grafana-folder: checkout\n') : sidecar.text
assert !sidecar.text.contains('from-sources') : sidecar.text
assert !new File(out, 'grafanadashboard-checkout-overview.yaml').exists() : 'the GrafanaDashboard was written too'

// The second execution keeps the sources' GrafanaDashboard; its POM's instance selector replaces the sources' whole one.
def operator = new File(basedir, 'target/vigil-operator/kubernetes/grafanadashboard-checkout-overview.yaml')
assert operator.isFile() : 'the GrafanaDashboard was not written'
def resource = operator.text
assert resource.contains('kind: GrafanaDashboard\n') : resource
assert resource.contains('      dashboards: grafana-main\n      team: payments\n') : resource
assert !resource.contains('from: sources') : resource
assert !new File(basedir, 'target/vigil-operator/kubernetes/grafana-dashboard-checkout-overview.yaml').exists() : resource
return true
