def log = new File(basedir, 'build.log').text
// The rendered diagnostic, as the CLI prints it.
assert log.contains('src/main/vigil/checkout.vigil:5:47: error[Reference.Unknown]: Unknown constant `$treshold`.')
assert log.contains('= hint: Did you mean `$threshold`?')
// The MojoFailureException lists every diagnostic with file:line:col and id, warnings included.
assert log.contains('Vigil found errors in ')
assert log.contains('  src/main/vigil/checkout.vigil:5:47: error[Reference.Unknown]')
assert log.contains('  src/main/vigil/checkout.vigil:4:11: warning[Alert.MissingRunbook]')
assert log.contains('1 error, 1 warning')
// check runs in validate, so nothing was generated.
assert !new File(basedir, 'target/vigil').exists()
return true
