// The consumer's JUnit 6 wins over evals4j's, and Surefire reports the Jupiter test and every eval row.
def reports = new File(basedir, 'target/surefire-reports').listFiles()
        .findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
        .collectEntries { [(it.name), new groovy.xml.XmlSlurper().parse(it)] }
assert reports.keySet() == ['TEST-it.PlainTest.xml', 'TEST-it.ArithmeticEvals.xml'] as Set : "reports: ${reports.keySet()}"
reports.each { name, suite ->
    assert suite.@failures.text() == '0' && suite.@errors.text() == '0' : "${name} has failures"
}
assert reports['TEST-it.PlainTest.xml'].testcase.size() == 1
assert reports['TEST-it.ArithmeticEvals.xml'].testcase.size() == 3

def log = new File(basedir, 'build.log').text
assert !log.contains('NoSuchMethodError') : 'a JUnit class mismatch'
return true
