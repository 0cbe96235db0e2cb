/**
 * How availability figures are written. A probability of being down says little at 2 a.m.; a percentage with
 * the nines that matter, and the downtime it means in a year, say it.
 */

/** A year of 365.25 days, in seconds. */
const YEAR = 365.25 * 24 * 3600;

/** Beyond this many decimals a float cannot tell 100 % from what it is not. */
const MOST_DECIMALS = 12;

/**
 * The percentage of time up, for a probability of being down: as many decimals as two significant digits of the
 * time down need (99.9 %, 99.99995 %), trailing zeros dropped; never rounded up to 100 % when it is not.
 */
export function availabilityText(unavailability: number): string {
  if (unavailability <= 0) return '100%';
  const down = 100 * unavailability;
  const decimals = Math.min(MOST_DECIMALS, Math.max(2, 1 - Math.floor(Math.log10(down))));
  const text = (100 - down).toFixed(decimals);
  if (Number(text) >= 100) return `>${(100 - 10 ** -decimals).toFixed(decimals)}%`;
  return `${text.replace(/\.?0+$/, '')}%`;
}

/** Units of time down, each in seconds and up to what count (as shown) it is used. */
const TIME_UNITS: readonly [name: string, seconds: number, below: number][] = [
  ['millisecond', 0.001, 1000], ['second', 1, 120], ['minute', 60, 120], ['hour', 3600, 48], ['day', 86400, Infinity],
];

/** The time down a year a probability of being down means, to two significant digits: `8.8 hours`. */
export function downtimeText(unavailability: number): string {
  const seconds = unavailability * YEAR;
  if (seconds <= 0) return 'none';
  if (seconds < 0.001) return 'under a millisecond';
  const count = (size: number): number => Number((seconds / size).toPrecision(2));
  // The unit is chosen by the count shown: 999.99 ms shows as 1 second, not as 1,000 milliseconds.
  const [name, size] = TIME_UNITS.find(([, unit, below]) => count(unit) < below)!;
  const shown = count(size);
  return `${shown.toLocaleString('en-US')} ${name}${shown === 1 ? '' : 's'}`;
}

/** A probability as percentage points, to two significant digits: `4.4e-10`, `0.00082`. */
export function pointsText(probability: number): string {
  return String(Number((100 * probability).toPrecision(2)));
}
