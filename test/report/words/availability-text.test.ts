import { describe, expect, it } from 'vitest';
import { availabilityText, downtimeText, pointsText } from '../../../src/report/words/availability-text.js';

describe('availabilityText()', () => {
  it.each([
    // 0.099975 % down: two significant digits are 0.10 %, so three decimals: 99.900 %, zeros dropped.
    [0.00099975, '99.9%'],
    // The SLA of an ExpressRoute circuit: 0.05 % down.
    [0.0005, '99.95%'],
    // 0.00005 % down: six decimals.
    [5e-7, '99.99995%'],
    // At least two decimals, zeros dropped: 1 % down.
    [0.01, '99%'],
    [0.5, '50%'],
    [1, '0%'],
    [0, '100%'],
  ])('writes %d down as %s up', (down, text) => {
    expect(availabilityText(down)).toBe(text);
  });

  it('never rounds up to 100 % what is not: below what twelve decimals tell, it says "more than"', () => {
    expect(availabilityText(1e-15)).toBe('>99.999999999999%');
  });
});

describe('downtimeText()', () => {
  // A year of 365.25 days is 31,557,600 seconds.
  it.each([
    [0.0005, '4.4 hours'], // 15,778.8 s
    [0.1, '37 days'], // 36.5 days
    [1e-5, '5.3 minutes'], // 315.6 s
    [1e-6, '32 seconds'], // 31.6 s
    [1e-8, '320 milliseconds'], // 0.316 s
    [1 / 31_557_600, '1 second'],
    [1e-12, 'under a millisecond'],
    [0, 'none'],
  ])('writes %d down as %s a year', (down, text) => {
    expect(downtimeText(down)).toBe(text);
  });
});

describe('pointsText()', () => {
  it('writes a probability as percentage points, two significant digits', () => {
    expect(pointsText(4.375e-12)).toBe('4.4e-10');
    expect(pointsText(8.2159e-6)).toBe('0.00082');
  });
});
