/**
 * Lists every skipped test with its title at the end of a run: a skipped suite must say why
 * (the KurrentDB conformance suite names the missing server), and Jest's default reporter
 * hides the titles of suites in which every test was skipped.
 */
export default class SkippedReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.testResults.flatMap((file) =>
      file.testResults
        .filter((test) => test.status === 'pending' || test.status === 'skipped')
        .map((test) => `  ○ ${[...test.ancestorTitles, test.title].join(' › ')}`),
    );
    if (skipped.length > 0)
      process.stderr.write(`\nSkipped tests, with their reasons:\n${skipped.join('\n')}\n`);
  }
}
