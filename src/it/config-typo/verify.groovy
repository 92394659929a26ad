// The console names the typo'd key, its value and the key it was probably meant to be; Jupiter still ran.
def log = new File(basedir, 'build.log').text
assert log.contains("evals4j.concurency.max") : 'the unknown key is not in the console output'
assert log.contains("'5'") || log.contains("=5") : 'the value is not in the console output'
assert log.contains('did you mean evals4j.concurrency.max?') : 'no suggestion in the console output'
assert log.contains('evals4j.concurrency.strategy') : 'the known keys are not in the console output'
assert !log.contains('failed to discover tests') : 'discovery threw instead of reporting an issue'

def report = new File(basedir, 'target/surefire-reports/TEST-it.PlainTest.xml')
assert report.isFile() : 'the Jupiter test did not run'
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.text() == '1' && suite.@failures.text() == '0' && suite.@errors.text() == '0' : "Jupiter: ${suite.attributes()}"
def evals = new File(basedir, 'target/surefire-reports/TEST-it.TypoEvals.xml')
assert evals.isFile() : 'the eval class was not reported'
def evalSuite = new groovy.xml.XmlSlurper().parse(evals)
assert evalSuite.testcase.error.@message.text().contains('evals4j.concurency.max') : "evals: ${evalSuite.testcase}"
assert evalSuite.testcase.findAll { it.@name.text() == 'checks' }.isEmpty() : 'a row ran despite the bad configuration'
return true
