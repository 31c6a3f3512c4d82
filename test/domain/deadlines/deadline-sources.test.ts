import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEADLINE_RULES } from '../../../src/domain/deadlines/deadline-rules';

const sedgemoor = readFileSync(
  join(__dirname, '../../fixtures/terms/sedgemoor-customer-led-scrutiny-terms.txt'),
  'utf8',
);

/** The text of one numbered clause of the Sedgemoor terms, up to the next numbered clause. */
function clauseText(clause: string): string {
  const start = sedgemoor.search(
    new RegExp(`^(?:\\[[^\\]]*\\])?${clause.replace('.', '\\.')}\\s`, 'm'),
  );
  if (start < 0) throw new Error(`no clause ${clause}`);
  const rest = sedgemoor.slice(start + clause.length);
  const end = rest.search(/^(?:\[[^\]]*\])?\d+\.\d*\s/m);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('deadline sources cite the clause that says them', () => {
  it.each(['improvement-plan', 'committee-sign-off'] as const)(
    'Sedgemoor ToR 6.2: the %s duty is cited as 6.2, and 6.2 says it',
    (kind) => {
      const source = DEADLINE_RULES[kind].sources[0];
      expect(source?.clause).toBe('6.2');
      expect(clauseText('6.2')).toContain(source?.says.replace(/\.$/, ''));
    },
  );

  it('Sedgemoor ToR 6.2: the improvement plan counts 28 calendar days from the recommendations being agreed', () => {
    const rule = DEADLINE_RULES['improvement-plan'];
    expect(rule.countsFrom).toBe('the recommendations being agreed');
    expect(rule.period).toEqual({ unit: 'calendar-days', amount: 28 });
  });

  it.each(['information-request', 'staff-attendance-notice'] as const)(
    'Sedgemoor ToR 6.1: the %s duty is cited as 6.1, and 6.1 says it',
    (kind) => {
      const source = DEADLINE_RULES[kind].sources[0];
      expect(source?.clause).toBe('6.1');
      expect(clauseText('6.1')).toContain(source?.says.replace(/\.$/, ''));
    },
  );
});
