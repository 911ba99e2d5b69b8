import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintJob, LintJobResult } from './engine';

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
 * and returns the results in the order of the jobs.
 */
export function runParallel(jobs: LintJob[], threads: number, script: string, onDone: (n: number) => void): Promise<LintJobResult[]> {
  const results: LintJobResult[] = new Array(jobs.length);
  const position = new Map(jobs.map((j, i) => [j.index, i]));
  let next = 0;
  let finished = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let failed = false;
    const stopAll = () => Promise.all(workers.map((w) => w.terminate()));
    const give = (w: Worker) => {
      if (next >= jobs.length) {
        void w.terminate();
        return;
      }
      const batch = jobs.slice(next, next + batchSize);
      next += batch.length;
      w.postMessage({ batch });
    };
    for (let i = 0; i < Math.min(threads, Math.ceil(jobs.length / batchSize)); i++) {
      const w = new Worker(script);
      workers.push(w);
      w.on('message', (m: { results?: LintJobResult[]; error?: string }) => {
        if (failed) return;
        if (m.error !== undefined) {
          failed = true;
          void stopAll();
          reject(new Error(m.error));
          return;
        }
        for (const r of m.results ?? []) results[position.get(r.index)!] = r;
        finished += m.results?.length ?? 0;
        onDone(m.results?.length ?? 0);
        if (finished === jobs.length) {
          void stopAll();
          resolve(results);
        } else give(w);
      });
      w.on('error', (e) => {
        if (failed) return;
        failed = true;
        void stopAll();
        reject(e);
      });
      give(w);
    }
  });
}
