import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths.ts';
import { parseAqi, type AqiRow, type Calibration } from './params.ts';

const folder = () => path.join(projectRoot(), 'server', 'simulator');

let rows: AqiRow[] | undefined;

/** The published Ambulance Quality Indicators the simulator's defaults come from (read once). */
export function aqiRows(): AqiRow[] {
  rows ??= parseAqi(readFileSync(path.join(folder(), 'aqi-calibration.csv'), 'utf8'));
  return rows;
}

/** The calibration written by `npm run calibrate`; without it every trust runs uncalibrated. */
export function calibration(): Calibration {
  const file = path.join(folder(), 'calibration.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Calibration) : {};
}
