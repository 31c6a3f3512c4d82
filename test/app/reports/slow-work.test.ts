import { commandIsSlow, sayWorkingIfSlow } from '../../../src/app/dispatch/slow-work';

describe('saying "Working on it…" while a report is made', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reports are slow commands; others are not', () => {
    expect(commandIsSlow('report quarter 2026-Q3')).toBe(true);
    expect(commandIsSlow('report review R-3 final')).toBe(true);
    expect(commandIsSlow('report feedback c40')).toBe(true);
    expect(commandIsSlow('report year 2026')).toBe(true);
    expect(commandIsSlow('report you-said-we-did 2026')).toBe(true);
    expect(commandIsSlow('report you-said-we-did')).toBe(true);
    expect(commandIsSlow('report plan R-3')).toBe(true);
    expect(commandIsSlow('standards')).toBe(false);
    expect(commandIsSlow('no such command')).toBe(false);
  });

  it('says it once when the work is still going after a moment, before the answer', async () => {
    const said: string[] = [];
    let finish: (value: string) => void = () => undefined;
    const work = new Promise<string>((resolve) => (finish = resolve));
    const answer = sayWorkingIfSlow('report quarter', work, async () => said.push('working'), 1500);
    await jest.advanceTimersByTimeAsync(1500);
    finish('the report');
    said.push(await answer);
    expect(said).toEqual(['working', 'the report']);
  });

  it('says nothing when the work is done first, or the command is not a slow one', async () => {
    const said: string[] = [];
    const say = async () => said.push('working');
    expect(await sayWorkingIfSlow('report quarter', Promise.resolve('quick'), say, 1500)).toBe(
      'quick',
    );
    const slowList = new Promise<string>((resolve) => setTimeout(() => resolve('list'), 5000));
    const listed = sayWorkingIfSlow('standards', slowList, say, 1500);
    await jest.advanceTimersByTimeAsync(5000);
    expect(await listed).toBe('list');
    await jest.advanceTimersByTimeAsync(5000);
    expect(said).toEqual([]);
  });
});
