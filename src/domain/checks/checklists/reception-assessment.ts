import type { Checklist } from '../checklist';
import { question } from '../checklist';

/**
 * Torus TIMS terms of reference: "Assessment of reception areas of Torus's offices / Hubs".
 * Southampton Tenant Inspectors list "observations of access points", and their code of
 * conduct asks inspectors to think about access (e.g. upper-floor offices and wheelchair users).
 */
export const receptionAssessment: Checklist = {
  kind: 'reception-assessment',
  title: 'Reception / office assessment',
  brief:
    'Visit the office or Hub reception as a customer would, during its opening hours, with the ' +
    'enquiry in your brief. Note what you see and how you are treated. Do not photograph ' +
    'customers or staff, and do not name staff in your findings (describe their role instead).',
  sources: [
    "Torus TIMS terms of reference: assessment of reception areas of Torus's offices / Hubs",
    'Southampton Tenant Inspectors terms: observations of access points; code of conduct on access and discrimination',
  ],
  questions: [
    question('rec-opening-hours', 'yes-no', 'Were the opening hours clearly displayed outside?'),
    question(
      'rec-accessible',
      'yes-no',
      'Could someone using a wheelchair or pushchair get in and be served easily?',
    ),
    question(
      'rec-clean',
      'rating',
      'How clean and tidy was the reception area (1 very poor to 5 very good)?',
    ),
    question(
      'rec-wait-minutes',
      'number',
      'How many minutes did you wait before being seen?',
      false,
    ),
    question(
      'rec-welcome',
      'rating',
      'How welcoming and polite were the staff (1 very poor to 5 very good)?',
    ),
    question(
      'rec-private-space',
      'yes-no',
      'Was there somewhere private to talk if you needed it?',
      false,
    ),
    question(
      'rec-information',
      'yes-no',
      'Were leaflets and notices (repairs, complaints, getting involved) available and up to date?',
    ),
    question(
      'rec-enquiry-resolved',
      'yes-no',
      'Was your enquiry dealt with, or were you told clearly what would happen next?',
    ),
    question('rec-notes', 'text', 'Anything else you noticed?', false),
  ],
};
