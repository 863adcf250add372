def log = new File(basedir, 'build.log').text
assert log.contains('Not formatted: src/main/vigil/api.vigil')
assert log.contains('Vigil sources are not formatted: src/main/vigil/api.vigil; run `mvn vigil:fmt` (or `./vigil fmt`).')
// fmt-check changes nothing.
assert new File(basedir, 'src/main/vigil/api.vigil').text == 'service api {\nteam "platform"\n}\n'
return true
