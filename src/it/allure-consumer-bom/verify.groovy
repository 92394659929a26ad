// The checks of allure-consumer/verify.groovy, for a consumer on JUnit 6 through junit-bom: it runs its Jupiter
// test and its evals on its own JUnit, and Allure gets one result per row: its columns and status as parameters,
// one step per attempt with the eval's own step under it, and its output and scores as JSON.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert !log.contains('NoSuchMethodError') : 'a JUnit class mismatch'

def reports = new File(basedir, 'target/surefire-reports').listFiles()
        .findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
        .collectEntries { [(it.name), new groovy.xml.XmlSlurper().parse(it)] }
assert reports.keySet() == ['TEST-it.PlainTest.xml', 'TEST-it.QuestionEvals.xml'] as Set : "reports: ${reports.keySet()}"
reports.each { name, suite ->
    assert suite.@failures.text() == '0' && suite.@errors.text() == '0' : "${name} has failures"
}
assert reports['TEST-it.PlainTest.xml'].testcase.size() == 1
assert reports['TEST-it.QuestionEvals.xml'].testcase.size() == 3

def resultsDir = new File(basedir, 'target/allure-results')
assert resultsDir.isDirectory() : 'no target/allure-results'
assert !new File(basedir, 'allure-results').exists() : 'Allure wrote into the project directory'
def json = new JsonSlurper()
def results = resultsDir.listFiles().findAll { it.name.endsWith('-result.json') }.collect { json.parse(it) }
def rows = results.findAll { r -> r.labels.any { it.name == 'junit.platform.uniqueid' && it.value.contains('[row:') } }
def params = { r -> r.parameters.collectEntries { [(it.name): it.value] } }
assert rows.collect { params(it).row }.sort() == ['flaky', 'q1', 'q2'] : "row results: ${rows.collect { it.name }}"
assert results.findAll { it.name == 'runsOnTheConsumersJUnit()' }.size() == 1 : 'the Jupiter test is not in Allure'
rows.each { r ->
    def p = params(r)
    assert r.status == 'passed' : "${p.row}: ${r.status}"
    assert p.question && p.expected : "${p.row}: columns missing from ${p}"
    assert p.status in ['COMPLETED', 'COMPLETED_WITH_RETRIES'] : "${p.row}: ${p}"
    def attempts = r.steps.findAll { it.name.startsWith('attempt ') }
    assert attempts.size() == (p.row == 'flaky' ? 2 : 1) : "${p.row}: ${r.steps*.name}"
    attempts.each { attempt ->
        assert attempt.steps*.name == ["ask the model ${p.question}".toString()] : "${p.row}: ${attempt.name} has ${attempt.steps*.name}"
    }
    def attachment = r.attachments.find { it.name == 'evals4j result' }
    assert attachment != null : "${p.row}: attachments ${r.attachments*.name}"
    def result = json.parse(new File(resultsDir, attachment.source))
    assert result.output == p.expected && result.scores.exact_match == 1.0 : "${p.row}: ${result}"
}
def flaky = rows.find { params(it).row == 'flaky' }
assert params(flaky).status == 'COMPLETED_WITH_RETRIES'
assert flaky.steps[0].statusDetails.message.contains('read timed out') : flaky.steps[0]
return true
