// Under @Threshold the rows with a failing verdict are successful tests: Surefire's XML must still name
// them (with their scores), and a missed threshold's failure must list them.
def reports = new File(basedir, 'target/surefire-reports').listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
assert reports.size() == 1 : "expected one XML report, found ${reports*.name}"
def suite = new groovy.xml.XmlSlurper().parse(reports[0])
def names = suite.testcase.collect { it.@name.text() }
['s3', 's5'].each { id ->
    def marked = names.findAll { it.startsWith("${id} \u2717 numeric_match=0 \u2502 ") }
    assert marked.size() == 2 : "expected row ${id} named with its failing score under both methods, found ${names}"
}
['s1', 's2', 's4', 's6'].each { id ->
    assert names.count { it.startsWith("${id} \u2713 \u2502 ") } == 2 : "expected row ${id} marked as passing, found ${names}"
}
def failures = suite.testcase.findAll { !it.failure.isEmpty() || !it.error.isEmpty() }
def missed = failures.find { (it.failure.@message.text() + it.error.@message.text()).contains('Threshold missed') }
assert missed != null : "the missed threshold is not in the XML: ${failures.collect { it.@name.text() }}"
def message = missed.failure.@message.text() + missed.error.@message.text()
assert message.contains('2 rows with a failing verdict: s3 numeric_match=0; s5 numeric_match=0') : message
return true
