import { readFileSync } from 'node:fs';
import { toErrorIssues } from '../../shared/http/errors.ts';
import { Scenario } from '../../shared/simulator/scenario.ts';
import { aqiRows, calibration } from './data.ts';
import { runModel } from './model.ts';
import { resolveParams } from './params.ts';
import { summarise } from './summary.ts';

/**
 * `npm run simulate -- --scenario FILE --summary`: runs a scenario headless, as fast as the
 * machine allows, and prints its summary as one JSON object on stdout.
 */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  const args = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) fail(`Unexpected argument ${arg}. Usage: npm run simulate -- --scenario FILE --summary`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      args.set(arg, next);
      i++;
    } else args.set(arg, true);
  }
  const file = args.get('--scenario');
  if (typeof file !== 'string') fail('Name a scenario file: npm run simulate -- --scenario FILE --summary');
  if (!args.has('--summary')) fail('Only --summary output is available: npm run simulate -- --scenario FILE --summary');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`Cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) fail(`The scenario ${file} is not valid:\n${toErrorIssues(parsed.error).map((i) => `  - ${i.path || '(scenario)'}: ${i.message}`).join('\n')}`);
  const params = resolveParams(parsed.data, aqiRows(), calibration());
  const records = runModel(params);
  process.stdout.write(`${JSON.stringify(summarise(params, records))}\n`);
}

main(process.argv.slice(2));
