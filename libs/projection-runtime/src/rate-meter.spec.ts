import { RateMeter } from './rate-meter';

describe('RateMeter', () => {
  it('reports zero before anything is recorded', () => {
    expect(new RateMeter().perSecond(0)).toBe(0);
  });

  it('averages over the window and forgets older samples', () => {
    const meter = new RateMeter(10_000);
    meter.record(1_000, 0);
    meter.record(1_000, 2_000);

    expect(meter.perSecond(4_000)).toBe(500);
    expect(meter.perSecond(11_000)).toBeCloseTo(1_000 / 9, 5);
    expect(meter.perSecond(13_000)).toBe(0);
  });
});
