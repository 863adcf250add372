// Commits the project as it is, then changes it in the working tree: `for` of ApiDown 5m → 10m,
// and ApiSlow removed (breaking).
def git(String... args) {
    def p = (['git', '-c', 'user.name=Vigil IT', '-c', 'user.email=it@vigil.invalid', '-c', 'commit.gpgsign=false'] + args.toList())
            .execute(null, basedir)
    p.waitForProcessOutput(System.out, System.err)
    assert p.exitValue() == 0 : "git ${args.join(' ')} failed"
}
git('init', '-q')
git('add', '.')
git('commit', '-q', '-m', 'base')
def source = new File(basedir, 'src/main/vigil/api.vigil')
def text = source.text.replace('for      5m\n      severity critical', 'for      10m\n      severity critical')
text = text.replaceAll(/(?s)    alert ApiSlow \{.*?\n    }\n/, '')
source.text = text
return true
