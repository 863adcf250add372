def log = new File(basedir, 'build.log').text
['vigil:check', 'vigil:generate', 'vigil:test', 'vigil:help', 'vigil:fmt', 'vigil:fmt-check'].each { assert log.contains(it) : "no goal ${it}" }
['sourceDirectory', 'outputDirectory', 'scrapeInterval', 'strict', 'severityOverrides', 'skip',
 'runbookTemplates', 'attach', 'classifier', 'promtool', 'amtool', 'skipMissingTools', 'timeoutSeconds', 'reportsDirectory', 'verbose',
 'minCoverage', 'coverageDirectory'].each {
    assert log.contains("    ${it}") : "parameter ${it} is not documented"
}
['vigil.skip', 'vigil.sourceDirectory', 'vigil.outputDirectory', 'vigil.scrapeInterval', 'vigil.strict',
 'vigil.test.skipMissingTools', 'vigil.test.reportsDirectory', 'vigil.test.verbose',
 'vigil.test.minCoverage', 'vigil.test.coverageDirectory'].each { assert log.contains("User property: ${it}") : "no property ${it}" }
// vigil:diff
assert log.contains('vigil:diff') : 'no goal vigil:diff'
['base', 'format', 'output', 'failOn'].each { assert log.contains("    ${it}") : "parameter ${it} is not documented" }
['vigil.diff.base', 'vigil.diff.format', 'vigil.diff.output', 'vigil.diff.failOn'].each {
    assert log.contains("User property: ${it}") : "no property ${it}"
}
return true
