import type { CheckKind } from '../check-kinds';
import type { Checklist } from '../checklist';
import { emptyHomeInspection } from './empty-home-inspection';
import {
  caseStudy,
  desktopReview,
  focusGroup,
  interview,
  observation,
  siteVisit,
  survey,
  workShadowing,
} from './other-methods';
import { receptionAssessment } from './reception-assessment';
import { testCallAsb, testCallOutOfHours, testCallRepair } from './test-calls';
import { testEmail } from './test-email';

/** Every kind has a checklist, so an assigned member always has something to fill in. */
export const CHECKLISTS: Record<CheckKind, Checklist> = {
  'empty-home-inspection': emptyHomeInspection,
  'test-call-repair': testCallRepair,
  'test-call-asb': testCallAsb,
  'test-call-out-of-hours': testCallOutOfHours,
  'test-email': testEmail,
  'reception-assessment': receptionAssessment,
  interview,
  observation,
  'site-visit': siteVisit,
  'desktop-review': desktopReview,
  'focus-group': focusGroup,
  survey,
  'case-study': caseStudy,
  'work-shadowing': workShadowing,
};

export function checklistFor(kind: CheckKind): Checklist {
  return CHECKLISTS[kind];
}
