import { existsSync, readFileSync } from 'node:fs';
import type { FeedEvent } from '../../shared/feed/events.ts';
import { toErrorIssues } from '../../shared/http/errors.ts';
import { Scenario } from '../../shared/simulator/scenario.ts';
import { SCENARIO_NAMES, findScenario } from '../../shared/simulator/scenarios.ts';
import { findTrust } from '../../shared/reference/trusts.ts';
import { aqiRows, calibration } from './data.ts';
import { FeedRefused, postEvents } from './feedClient.ts';
import { createModel, runModel } from './model.ts';
import { resolveParams } from './params.ts';
import { restamp, shiftScenario, wallClock } from './realtime.ts';
import { summarise } from './summary.ts';

const USAGE = `Usage:
  npm run simulate -- --scenario FILE|NAME --summary
      runs the scenario headless, as fast as the machine allows, and prints its summary as JSON
  npm run simulate -- --scenario FILE|NAME --realtime --url URL --key FEED_KEY [--speed N]
      feeds a running server through its feed API from now on, N times faster than real time
A NAME (${SCENARIO_NAMES.join(', ')}) also takes --trust CODE, and --start ISO and --seed N
(default 2025-01-06T00:00:00Z and 1).`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Map<string, string | true> {
  const args = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) fail(`Unexpected argument ${arg}.`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      args.set(arg, next);
      i++;
    } else args.set(arg, true);
  }
  return args;
}

function text(args: Map<string, string | true>, name: string): string | undefined {
  const value = args.get(name);
  if (value === true) fail(`${name} needs a value.`);
  return value;
}

function readScenario(args: Map<string, string | true>): Scenario {
  const ref = text(args, '--scenario');
  if (!ref) fail('Name a scenario file or a shipped scenario with --scenario.');
  let raw: unknown;
  const named = findScenario(ref);
  if (named && !existsSync(ref)) {
    const trust = text(args, '--trust');
    if (!trust || !findTrust(trust)) fail(`The scenario ${ref} is for any trust: name one with --trust (RX6, RX7, RX8, RX9, RYA, RYC, RRU, RYD, RYE, RYF or R1F).`);
    const start = new Date(text(args, '--start') ?? '2025-01-06T00:00:00Z');
    if (Number.isNaN(start.getTime())) fail('--start must be an ISO 8601 date-time.');
    const seed = Number(text(args, '--seed') ?? '1');
    raw = named.build(findTrust(trust)!.code, start, seed);
  } else {
    try {
      raw = JSON.parse(readFileSync(ref, 'utf8'));
    } catch (error) {
      fail(`Cannot read ${ref} as JSON, and it is not a shipped scenario: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) fail(`The scenario ${ref} is not valid:\n${toErrorIssues(parsed.error).map((i) => `  - ${i.path || '(scenario)'}: ${i.message}`).join('\n')}`);
  return parsed.data;
}

function summary(scenario: Scenario): void {
  const params = resolveParams(scenario, aqiRows(), calibration());
  process.stdout.write(`${JSON.stringify(summarise(params, runModel(params)))}\n`);
}

/**
 * Feeds a running server as its dispatch system would, from now on: the scenario is moved to
 * start now (its strikes and closures with it), its warm-up is posted as what happened before,
 * and from then on it runs `speed` times faster than the clock, stamped with the wall time.
 */
async function realtime(scenario: Scenario, args: Map<string, string | true>): Promise<void> {
  const url = text(args, '--url')?.replace(/\/+$/, '');
  const key = text(args, '--key');
  const speed = Number(text(args, '--speed') ?? '1');
  if (!url || !/^https?:\/\//.test(url)) fail('--realtime needs --url, the server to feed (http://localhost:3000).');
  if (!key) fail('--realtime needs --key, a feed key of the scenario’s trust (made on the admin page).');
  if (!Number.isFinite(speed) || speed <= 0 || speed > 1000) fail('--speed must be a number above 0 and at most 1000.');
  const startedAt = Date.now();
  const moved = shiftScenario(scenario, startedAt);
  const params = resolveParams(moved, aqiRows(), calibration());
  const clock = wallClock(startedAt, startedAt, speed);
  const pending: FeedEvent[] = [];
  const model = createModel(params, { emit: (e) => pending.push(restamp(e, clock.toWall)), idPrefix: `${startedAt.toString(36)}-` });
  let stopping = false;
  process.on('SIGINT', () => (stopping = true));
  process.stderr.write(`Feeding ${params.trust.shortName} at ${url} at ${speed}× real time until ${new Date(clock.toWall(params.end)).toISOString()}; Ctrl-C stops.\n`);
  while (!stopping) {
    const simNow = Math.min(params.end, clock.toModel(Date.now()));
    model.advance(simNow);
    const progress = { sent: 0 };
    try {
      const answer = await postEvents(url, key, pending, progress);
      if (answer.accepted) process.stderr.write(`${new Date().toISOString()} ${answer.accepted} events stored${answer.duplicates ? `, ${answer.duplicates} duplicates` : ''}\n`);
    } catch (error) {
      if (error instanceof FeedRefused && [400, 401, 403, 413, 415].includes(error.status)) fail(`The server refused the events: ${error.status} ${error.error}: ${error.message}`);
      process.stderr.write(`Posting failed (${error instanceof Error ? error.message : String(error)}); trying again.\n`);
    }
    pending.splice(0, progress.sent);
    if (simNow >= params.end && pending.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const scenario = readScenario(args);
  if (args.has('--summary')) summary(scenario);
  else if (args.has('--realtime')) await realtime(scenario, args);
  else fail('Say what to do: --summary or --realtime.');
}

await main(process.argv.slice(2));
