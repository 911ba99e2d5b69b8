import { parentPort } from 'node:worker_threads';
import { Linter, type LintJob, type LintJobResult } from './engine';

/**
 * A lint worker thread (bundled as dist/lint-worker.js). It receives batches of jobs and answers each batch
 * with its results; the main thread puts them back in file order.
 */
if (!parentPort) throw new Error('lint-worker.js runs as a worker thread of commspec lint');
const port = parentPort;
const linter = new Linter();

port.on('message', (message: { batch: LintJob[] }) => {
  const results: LintJobResult[] = [];
  for (const job of message.batch) {
    try {
      results.push(linter.run(job));
    } catch (e) {
      port.postMessage({ error: `While linting ${job.file}: ${(e as Error).stack ?? String(e)}` });
      return;
    }
  }
  port.postMessage({ results });
});
