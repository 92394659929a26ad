// Checks, after `./mvnw verify` of evals4j ran this project, that Surefire reported every row.
def reports = new File(basedir, 'target/surefire-reports').listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
def suites = reports.collect { new groovy.xml.XmlSlurper().parse(it) }
def count = { String name -> suites.find { it.@name.text().endsWith(name) }?.testcase?.size() ?: 0 }
assert count('ArithmeticEvals') == 120 : "ArithmeticEvals: ${count('ArithmeticEvals')} testcases"
assert count('CapitalsEvals') == 30 : "CapitalsEvals: ${count('CapitalsEvals')} testcases"
assert count('LangChain4jEvals') == 120 : "LangChain4jEvals: ${count('LangChain4jEvals')} testcases"
assert count('RetrievalEvals') == 78 : "RetrievalEvals: ${count('RetrievalEvals')} testcases"
// The retrieval eval's summary prints each metric's mean with its 95% confidence interval.
def log = new File(basedir, 'build.log').text
['recall@3', 'mrr', 'ndcg@10'].each { metric ->
    assert log =~ /${java.util.regex.Pattern.quote(metric)}=\d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]/ : "no interval for ${metric} in the summary"
}
def failed = suites.sum { it.@failures.text().toInteger() + it.@errors.text().toInteger() }
assert failed == 0 : "${failed} failed rows"

// Allure got one result per row, with its columns and status as parameters, one step per attempt, its output
// and scores as JSON, and, on every row, its method's summary as a tear-down fixture.
def resultsDir = new File(basedir, 'target/allure-results')
def json = new groovy.json.JsonSlurper()
def uniqueId = { r -> r.labels.find { it.name == 'junit.platform.uniqueid' }?.value ?: '' }
def rows = resultsDir.listFiles().findAll { it.name.endsWith('-result.json') }.collect { json.parse(it) }
        .findAll { uniqueId(it).contains('[row:') }
assert rows.size() == 270 && rows.collect(uniqueId).unique().size() == 270 : "${rows.size()} Allure row results"
rows.each { r ->
    def p = r.parameters.collectEntries { [(it.name): it.value] }
    def column = uniqueId(r).contains('CapitalsEvals') ? 'country' : 'question'
    assert p.row && p[column] && p.status && p.attempts : "${uniqueId(r)}: parameters ${p}"
    def attempts = r.steps.findAll { it.name.startsWith('attempt ') }
    assert attempts.size() == p.attempts.toInteger() : "${uniqueId(r)}: ${p.attempts} attempts, steps ${r.steps*.name}"
    def attachment = r.attachments.find { it.name == 'evals4j result' }
    assert attachment != null : "${uniqueId(r)}: attachments ${r.attachments*.name}"
    def result = json.parse(new File(resultsDir, attachment.source))
    assert result.row == p.row && result.status == p.status && result.scores : "${uniqueId(r)}: ${result}"
}
def summaries = resultsDir.listFiles().findAll { it.name.endsWith('-container.json') }.collect { json.parse(it) }
        .findAll { c -> c.afters?.any { it.name.startsWith('evals4j summary of ') } }
assert summaries.size() == 3 : "${summaries.size()} method summaries"
assert summaries.sum { it.children.size() } == 270
summaries.each { c ->
    def summary = json.parse(new File(resultsDir, c.afters[0].attachments.find { it.name == 'summary' }.source))
    assert summary.name == c.name && summary.rows == c.children.size() : "${c.name}: ${summary}"
}
return true
