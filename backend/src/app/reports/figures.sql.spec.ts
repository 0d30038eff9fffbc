import { emptyCounts, withRates } from './figures.sql';

describe('the rates of the figures', () => {
  it('divide by their own denominators and are null where nothing was counted', () => {
    const r = withRates({ ...emptyCounts(), received: 9, accepted: 5, replied: 6, repliedOnTime: 5, evaluated: 3, satisfied: 1, basicallySatisfied: 1 });
    expect(r.acceptanceRate).toBe(0.5556);
    expect(r.onTimeRate).toBe(0.8333);
    expect(r.satisfactionRate).toBe(0.6667);
    expect(emptyCounts()).toMatchObject({ acceptanceRate: null, onTimeRate: null, satisfactionRate: null, medianDaysToReply: null });
  });
});
