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
return true
