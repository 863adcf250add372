def log = new File(basedir, 'build.log').text
assert log.findAll('Vigil is skipped \\(vigil.skip\\).').size() == 3 : 'check, generate and test each say they are skipped'
assert !log.contains('Reference.Unknown')
assert !new File(basedir, 'target/vigil').exists()
return true
