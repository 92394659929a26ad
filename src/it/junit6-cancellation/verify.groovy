// The Jupiter test must have run on Platform 6 and passed.
def report = new File(basedir, 'target/surefire-reports/TEST-it.CancellationTest.xml')
assert report.isFile() : "no report of it.CancellationTest"
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.text() == '1' : "expected one test, found ${suite.@tests}"
assert suite.@failures.text() == '0' && suite.@errors.text() == '0' : report.text
def platform = suite.properties.property.find { it.@name.text() == 'java.class.path' }.@value.text()
assert platform.contains('junit-platform-engine-6.') : "not run on JUnit Platform 6: ${platform}"
return true
