import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Workspace } from '@app/contracts';
import { ApiClient, ApiError } from './api-client';
import { parseMemberCsv } from './member-csv';
import { importMembers, type ImportProgress, type ImportState } from './member-import';
import { colors, count, print, warn } from './output';
import { stateDir, UsageError, writePrivateFile } from './settings';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
/** Failures printed at the end; the state file keeps them all. */
const SHOWN_FAILURES = 20;

function readState(file: string): ImportState | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ImportState;
  } catch {
    return null;
  }
}

/** `members import <file>`: answers the exit code (0 all imported, 1 rows refused or stopped). */
export async function importMembersCommand(
  api: ApiClient,
  file: string,
  flags: { resume?: boolean; restart?: boolean; concurrency: number },
): Promise<number> {
  if (flags.resume && flags.restart) throw new UsageError('Give --resume or --restart, not both.');
  let path: string;
  let content: Buffer;
  try {
    path = realpathSync(file);
    content = readFileSync(path);
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  let csv;
  try {
    csv = parseMemberCsv(content.toString('utf8'));
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
  let workspace: Workspace;
  try {
    workspace = await api.get<Workspace>('/v1/workspace');
  } catch (error) {
    if (error instanceof ApiError && error.status === 403)
      throw new UsageError('Importing members needs a workspace key (see `workspaces key`).');
    throw error;
  }

  // One state per file and workspace: the same file into another workspace is another import.
  const stateFile = join(stateDir(), `${sha256(`${api.login.apiUrl}\n${workspace.id}\n${path}`)}.json`);
  const digest = sha256(content);
  const earlier = readState(stateFile);
  let state: ImportState;
  if (flags.resume) {
    if (!earlier) throw new UsageError(`No import of ${file} into this workspace to resume.`);
    if (earlier.sha256 !== digest)
      throw new UsageError(`${file} changed since the import stopped: start over with --restart.`);
    if (earlier.finished) {
      print(`Nothing left: every row of ${file} was imported earlier.`);
      return earlier.failed.length ? 1 : 0;
    }
    state = earlier;
  } else {
    if (earlier && !earlier.finished && !flags.restart)
      throw new UsageError(
        `An import of ${file} stopped after row ${count(earlier.doneRows)} of ${count(earlier.total)}: ` +
          'continue it with --resume, or start over with --restart.',
      );
    state = {
      version: 1,
      file: path,
      sha256: digest,
      apiUrl: api.login.apiUrl,
      workspaceId: workspace.id,
      total: csv.rows.length,
      doneRows: 0,
      created: 0,
      existing: 0,
      failed: [],
      finished: false,
      updatedAt: new Date().toISOString(),
    };
  }

  print(
    `Importing ${count(csv.rows.length - state.doneRows)} of ${count(csv.rows.length)} rows into ${colors.bold(
      workspace.name,
    )}${state.doneRows ? ` (from row ${count(state.doneRows + 1)})` : ''}`,
  );
  if (csv.ignored.length) warn(colors.yellow(`Columns left out (not understood): ${csv.ignored.join(', ')}`));

  const report = progressReporter(csv.rows.length);
  // Ctrl-C: finish the rows in flight, save, and say how to go on.
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let result;
  try {
    result = await importMembers({
      rows: csv.rows,
      state,
      concurrency: flags.concurrency,
      signal: abort.signal,
      // 429s are waited out for longer than other calls: an import is meant to take a while.
      create: (fields, idempotencyKey) =>
        api.request('POST', '/v1/members', {
          body: fields,
          headers: { 'idempotency-key': idempotencyKey },
          attempts: 12,
        }),
      save: (s) => writePrivateFile(stateFile, JSON.stringify(s)),
      onProgress: report.update,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    report.stop();
  }

  print(
    `${colors.green(count(state.created))} created, ${count(state.existing)} already there, ${
      state.failed.length ? colors.red(count(state.failed.length)) : 0
    } refused`,
  );
  for (const failure of state.failed.slice(0, SHOWN_FAILURES))
    warn(`${colors.red('✗')} line ${failure.line}: ${failure.message}`);
  if (state.failed.length > SHOWN_FAILURES)
    warn(`… and ${count(state.failed.length - SHOWN_FAILURES)} more, all listed in ${stateFile}`);
  if (!state.finished) {
    const why = result.stoppedBy ? `stopped: ${result.stoppedBy.message}` : 'interrupted';
    warn(
      colors.yellow(
        `Import ${why} after row ${count(state.doneRows)} of ${count(state.total)}. ` +
          `Continue with: twilio-agents members import ${file} --resume`,
      ),
    );
    return 1;
  }
  return state.failed.length ? 1 : 0;
}

/** A progress bar on a terminal; otherwise a plain line every 1,000 rows (logs, CI). */
function progressReporter(total: number): { update: (p: ImportProgress) => void; stop: () => void } {
  if (process.stdout.isTTY) {
    const bar = new SingleBar({
      format: `members ${colors.cyan('{bar}')} {percentage}% | {value}/{total} | {created} new, {existing} there, {failed} refused | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
    });
    let started = false;
    return {
      update: (p) => {
        const payload = { created: p.created, existing: p.existing, failed: p.failed };
        if (!started) {
          started = true;
          bar.start(total, p.processed, payload);
        } else bar.update(p.processed, payload);
      },
      stop: () => started && bar.stop(),
    };
  }
  let shown = -1;
  return {
    update: (p) => {
      const step = Math.floor(p.processed / 1000);
      if (step === shown && p.processed !== total) return;
      if (p.processed === total && shown === Infinity) return;
      shown = p.processed === total ? Infinity : step;
      print(
        `${count(p.processed)}/${count(total)} rows: ${count(p.created)} created, ${count(p.existing)} already there, ${count(p.failed)} refused`,
      );
    },
    stop: () => undefined,
  };
}
