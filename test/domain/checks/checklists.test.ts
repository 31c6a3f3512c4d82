import { CHECK_KINDS, CHECKLISTS, checklistFor } from '../../../src/domain/checks';

describe('Reality-check checklists as data', () => {
  it('every kind the documents name has a checklist with a brief and at least one required question', () => {
    for (const kind of CHECK_KINDS) {
      const checklist = checklistFor(kind);
      expect(checklist.kind).toBe(kind);
      expect(checklist.brief.length).toBeGreaterThan(40);
      expect(checklist.sources.length).toBeGreaterThan(0);
      expect(checklist.questions.some((q) => q.required)).toBe(true);
    }
    expect(Object.keys(CHECKLISTS).sort()).toEqual([...CHECK_KINDS].sort());
  });

  it('question ids are unique across all checklists, so answers cannot be confused', () => {
    const ids = Object.values(CHECKLISTS).flatMap((c) => c.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('Torus TIMS: the first six kinds have detailed checklists (at least six questions each)', () => {
    for (const kind of CHECK_KINDS.slice(0, 6)) {
      expect(checklistFor(kind).questions.length).toBeGreaterThanOrEqual(6);
    }
  });

  it('Torus Liverpool local offers: the test email asks whether it was acknowledged within 4 hours', () => {
    const q = checklistFor('test-email').questions.find((x) => x.id === 'tem-within-4-hours');
    expect(q).toEqual({
      id: 'tem-within-4-hours',
      text: 'Did the acknowledgement arrive within 4 opening hours of sending?',
      answer: 'yes-no',
      required: true,
    });
  });

  it('Torus TIMS: the empty-home inspection tests the letting standard and asks for an overall rating', () => {
    const checklist = checklistFor('empty-home-inspection');
    expect(checklist.title).toContain('letting standard');
    expect(checklist.questions.find((q) => q.id === 'ehi-overall')).toMatchObject({
      answer: 'rating',
      required: true,
    });
  });

  it('Torus Liverpool local offers: the repair test call checks the 2-hour, 24-hour and 20-day timescales and whether the call was answered', () => {
    const texts = checklistFor('test-call-repair')
      .questions.map((q) => q.text)
      .join(' ');
    expect(texts).toContain('Was your call answered?');
    expect(texts).toMatch(/2 hours.*24.*20 calendar days/);
  });

  it('Southampton code of conduct: briefs for own-area inspections warn against inspecting your own block or area', () => {
    expect(checklistFor('empty-home-inspection').brief).toContain('own block or local area');
    expect(checklistFor('site-visit').brief).toContain('own block or area');
  });
});
