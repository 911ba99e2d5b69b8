import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { failedResult, type LintJob, type LintJobResult } from './engine';

/**
 * Up to this many files are linted in the main thread. A worker costs about 0.25 s of CPU to start (loading the
 * bundle, compiling the schemas) and runs colder code than a warmed-up main thread: measured on 500 files, two
 * workers used about 40% more CPU than one thread. Threads pay off only for large repositories, so each thread
 * gets at least this many files.
 */
export const parallelThreshold = 200;
const batchSize = 8;

/** The bundled worker, next to dist/cli.js. Missing when the CLI runs from its TypeScript sources (unit tests). */
export function workerScript(): string | undefined {
  const file = path.join(__dirname, 'lint-worker.js');
  return existsSync(file) ? file : undefined;
}

/**
 * How many threads to lint `count` files with: `requested` when given (1 = in this thread),
 * otherwise one per core (at most one per `parallelThreshold` files) once there are more than `parallelThreshold` files.
 */
export function threadCount(count: number, requested: number | undefined): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, count));
  if (count <= parallelThreshold) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, 8, Math.ceil(count / parallelThreshold)));
}

/**
 * Runs jobs on `threads` worker threads, handing out small batches to whichever thread is free,
 * and returns the results in the order of the jobs. A thread that fails (a crash, running out of memory on a
 * hostile file) costs only the files of the batch it was linting, which get a finding saying so; a new thread
 * takes over the rest, so one bad file never costs the others their results.
 */
export function runParallel(jobs: LintJob[], threads: number, script: string, onDone: (n: number) => void): Promise<LintJobResult[]> {
  const results: LintJobResult[] = new Array(jobs.length);
  const position = new Map(jobs.map((j, i) => [j.index, i]));
  let next = 0;
  let finished = 0;
  /** Jobs of a batch whose thread failed, to be linted again one at a time so only the bad file is lost. */
  const retry: LintJob[] = [];
  const remaining = () => next < jobs.length || retry.length > 0;
  return new Promise((resolve) => {
    const workers = new Set<Worker>();
    let settled = false;
    const record = (batchResults: LintJobResult[]) => {
      for (const r of batchResults) results[position.get(r.index)!] = r;
      finished += batchResults.length;
      onDone(batchResults.length);
    };
    const settleIfDone = (): boolean => {
      if (finished < jobs.length || settled) return finished >= jobs.length;
      settled = true;
      for (const w of workers) void w.terminate();
      resolve(results);
      return true;
    };
    const start = () => {
      const w = new Worker(script);
      workers.add(w);
      let current: LintJob[] = [];
      const give = () => {
        if (retry.length) {
          current = [retry.shift()!];
        } else if (next < jobs.length) {
          current = jobs.slice(next, next + batchSize);
          next += current.length;
        } else {
          current = [];
          workers.delete(w);
          void w.terminate();
          return;
        }
        w.postMessage({ batch: current });
      };
      const fail = (reason: unknown) => {
        if (!workers.has(w)) return;
        workers.delete(w);
        void w.terminate();
        const lost = current;
        current = [];
        if (lost.length > 1) for (const job of lost) retry.push(job);
        else record(lost.map((job) => failedResult(job, reason)));
        if (settleIfDone()) return;
        if (remaining()) start();
      };
      w.on('message', (m: { results?: LintJobResult[]; error?: string }) => {
        if (settled || !workers.has(w)) return;
        if (m.error !== undefined) {
          fail(new Error(m.error.split('\n')[0]));
          return;
        }
        current = [];
        record(m.results ?? []);
        if (!settleIfDone()) give();
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (current.length) fail(new Error(`the lint thread stopped (exit code ${code})`));
      });
      give();
    };
    for (let i = 0; i < Math.min(threads, Math.ceil(jobs.length / batchSize)); i++) start();
    if (jobs.length === 0) settleIfDone();
  });
}
