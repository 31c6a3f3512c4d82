import type { Checklist } from '../checklist';
import { question } from '../checklist';

/**
 * Shorter checklists for the other methods named by Southampton Tenant Inspectors ("case
 * studies, work shadowing, examining processes and procedures, desktop reviews, interviews,
 * visits, focus groups, surveys") and Sedgemoor step 4. The documents give no detail for these,
 * so the questions are sensible minimums; the findings (strengths, weaknesses,
 * recommendations) carry most of the result. Staff and customers are described by role or
 * reference, never by name, because published outputs are blinded.
 */

const NO_NAMES = 'Describe people by role or case reference, never by name.';

export const interview: Checklist = {
  kind: 'interview',
  title: 'Interview with staff',
  brief: `Interview the member of staff named in your brief using the agreed questions, to find where the service exceeds expectations and where it could improve. ${NO_NAMES}`,
  sources: [
    'Torus TIMS terms of reference: interviews and observations with members of staff',
    'Southampton Tenant Inspectors terms: interviews',
  ],
  questions: [
    question(
      'int-role',
      'text',
      'What is the role of the person you interviewed (not their name)?',
    ),
    question(
      'int-knows-standard',
      'yes-no',
      'Could they explain the standard or local offer for their service?',
    ),
    question('int-works-well', 'text', 'What do they say works well?'),
    question(
      'int-gets-in-the-way',
      'text',
      'What do they say gets in the way of a good service?',
      false,
    ),
  ],
};

export const observation: Checklist = {
  kind: 'observation',
  title: 'Observation of staff',
  brief: `Observe the service described in your brief without interrupting. Do not share your impressions while you are still collecting evidence. ${NO_NAMES}`,
  sources: [
    'Torus TIMS terms of reference: interviews and observations with members of staff',
    'Southampton Tenant Inspectors code of conduct: do not share impressions while collecting evidence',
  ],
  questions: [
    question('obs-what', 'text', 'What did you observe, where and when (roles, not names)?'),
    question(
      'obs-procedure-followed',
      'yes-no',
      'Did staff follow the procedure given in your brief?',
    ),
    question(
      'obs-customer-treatment',
      'rating',
      'How well were customers treated (1 very poor to 5 very good)?',
    ),
  ],
};

export const siteVisit: Checklist = {
  kind: 'site-visit',
  title: 'Site visit / estate walkabout',
  brief:
    'Walk the estate or building in your brief with the officer and check the communal areas against the local offer. Do not inspect your own block or area.',
  sources: [
    'Torus Liverpool local offers Q3: estate walkabouts; communal areas inspected; grass cut and beds kept tidy; nominated person for building safety displayed',
    'Sedgemoor scrutiny terms step 4: site visits',
  ],
  questions: [
    question(
      'sv-communal-condition',
      'rating',
      'Overall condition of the communal areas (1 very poor to 5 very good)?',
    ),
    question(
      'sv-grounds',
      'yes-no',
      'Were grassed areas cut and flower and shrub beds neat and tidy?',
    ),
    question('sv-fly-tipping', 'yes-no', 'Was there fly tipping, graffiti or other damage?'),
    question(
      'sv-notice-boards',
      'yes-no',
      'Were notice boards up to date with neighbourhood information?',
      false,
    ),
    question(
      'sv-building-safety-contact',
      'yes-no',
      'Were details of the nominated person for building safety displayed?',
      false,
    ),
    question('sv-issues', 'text', 'What issues should be reported?', false),
  ],
};

export const desktopReview: Checklist = {
  kind: 'desktop-review',
  title: 'Desktop review of policies and information',
  brief:
    'Read the documents in your brief (policy, procedure, web pages or leaflets) and test them against the local offer. Note lines of enquiry for other reality checks.',
  sources: [
    'Sedgemoor scrutiny terms step 3: desktop review of the written information, establishing lines of enquiry',
    'Southampton Tenant Inspectors terms: desktop reviews; examining processes and procedures',
  ],
  questions: [
    question('dr-document', 'text', 'Which document did you review (title and date)?'),
    question('dr-easy-to-find', 'yes-no', 'Is it published and easy to find?'),
    question('dr-clarity', 'rating', 'How easy is it to understand (1 very poor to 5 very good)?'),
    question('dr-matches-offer', 'yes-no', 'Does it match what the local offer promises?'),
    question('dr-lines-of-enquiry', 'text', 'Lines of enquiry for further reality checks', false),
  ],
};

export const focusGroup: Checklist = {
  kind: 'focus-group',
  title: 'Focus group',
  brief: `Run or attend the focus group in your brief. Choose a time and place everyone can attend. ${NO_NAMES}`,
  sources: [
    'Southampton Tenant Inspectors terms and code of conduct: focus groups; holding them when people with childcare or work can attend',
    'Sedgemoor scrutiny terms step 4: focus groups',
  ],
  questions: [
    question('fg-attendees', 'number', 'How many residents took part?'),
    question('fg-accessible', 'yes-no', 'Was it held at a time and place everyone could attend?'),
    question('fg-themes', 'text', 'What were the main themes raised?'),
  ],
};

export const survey: Checklist = {
  kind: 'survey',
  title: 'Survey',
  brief:
    'Carry out or analyse the survey in your brief. Make sure people can answer in more than one way (telephone surveys can exclude people whose first language is not English).',
  sources: [
    'Southampton Tenant Inspectors code of conduct: telephone surveys may exclude people whose first language is not English',
    'Sedgemoor scrutiny terms step 4: surveys',
  ],
  questions: [
    question('srv-responses', 'number', 'How many responses were there?'),
    question(
      'srv-inclusive',
      'yes-no',
      'Could people answer in more than one way (online, phone, paper, other languages)?',
    ),
    question('srv-findings', 'text', 'What were the main findings?'),
  ],
};

export const caseStudy: Checklist = {
  kind: 'case-study',
  title: 'Case study',
  brief: `Follow the case in your brief from start to finish against the published timescales. Never discuss the individual case outside the group. ${NO_NAMES}`,
  sources: [
    'Southampton Tenant Inspectors terms: case studies; at no time discuss individual cases',
  ],
  questions: [
    question('cs-reference', 'text', 'Which case did you study (reference only, no names)?'),
    question(
      'cs-within-timescale',
      'yes-no',
      'Was the case handled within the published timescales?',
    ),
    question('cs-kept-informed', 'yes-no', 'Was the customer kept informed?'),
    question('cs-better', 'text', 'What could have been done better?', false),
  ],
};

export const workShadowing: Checklist = {
  kind: 'work-shadowing',
  title: 'Work shadowing',
  brief: `Shadow the role in your brief for the agreed time. Do not share your impressions while you are still collecting evidence. ${NO_NAMES}`,
  sources: ['Southampton Tenant Inspectors terms: work shadowing'],
  questions: [
    question('ws-role', 'text', 'Which role did you shadow (role, not name)?'),
    question('ws-procedure-followed', 'yes-no', 'Did the work follow the published procedure?'),
    question('ws-learned', 'text', 'What did you learn about how the service works?'),
  ],
};
