// Surefire must list one testcase per row, with the failures and the attempt history.
def reports = new File(basedir, 'target/surefire-reports').listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
assert reports.size() == 1 : "expected one XML report, found ${reports*.name}"
def suite = new groovy.xml.XmlSlurper().parse(reports[0])
def cases = suite.testcase
assert cases.size() == 12 : "expected 12 testcases, found ${cases.size()}"
def failed = cases.findAll { !it.failure.isEmpty() || !it.error.isEmpty() }
assert failed.size() == 3 : "expected 3 failed rows, found ${failed.size()}"
def io = cases.find { it.@name.text().startsWith('11') }
def text = (io.failure.text() + io.error.text())
assert text.contains('provider unavailable') : text
assert text.contains('Suppressed') : "attempt history missing: ${text}"
return true
