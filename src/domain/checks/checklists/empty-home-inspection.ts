import type { Checklist } from '../checklist';
import { question } from '../checklist';

/**
 * Torus TIMS terms of reference: "Assessment of a sample of empty homes (voids) to test the
 * letting standard". The documents do not reproduce the letting standard itself, so the
 * questions cover what a letting standard commonly requires and what the Torus Liverpool local
 * offers promise for every home (annual gas safety check, electrical fixed wiring checks,
 * "a good quality home"), plus the 77-day average time to let.
 */
export const emptyHomeInspection: Checklist = {
  kind: 'empty-home-inspection',
  title: 'Empty home (void) inspection against the letting standard',
  brief:
    'Visit the sample empty home with the officer on the agreed date and test it against the ' +
    'letting standard: look at it as a new tenant would on the day they get the keys. ' +
    'Photograph the home only, never people or personal post. Do not inspect a home in your ' +
    'own block or local area; tell the officer in writing if you have any connection to it.',
  sources: [
    'Torus TIMS terms of reference: assessment of a sample of empty homes (voids) to test the letting standard',
    'Torus Liverpool local offers Q3: gas safety, electrical tests, average time to let 77 days',
    'Southampton Tenant Inspectors code of conduct: do not inspect your own block or area',
  ],
  questions: [
    question(
      'ehi-clean',
      'yes-no',
      'Is the home clean throughout, with no rubbish or belongings left behind?',
    ),
    question(
      'ehi-gas-certificate',
      'yes-no',
      'Is there a current gas safety certificate for the home (answer yes if it has no gas supply)?',
    ),
    question(
      'ehi-electrical-test',
      'yes-no',
      'Has the electrical installation been tested, with a certificate for this letting?',
    ),
    question(
      'ehi-alarms',
      'yes-no',
      'Are smoke alarms, and a carbon monoxide alarm where there is a fuel-burning appliance, fitted and working?',
    ),
    question(
      'ehi-secure',
      'yes-no',
      'Are doors and windows secure, with locks changed since the last tenant?',
    ),
    question(
      'ehi-trip-hazards',
      'yes-no',
      'Are floors, stairs and handrails safe and free of trip hazards?',
    ),
    question(
      'ehi-kitchen',
      'rating',
      'How would you rate the condition of the kitchen (1 very poor to 5 very good)?',
    ),
    question(
      'ehi-bathroom',
      'rating',
      'How would you rate the condition of the bathroom (1 very poor to 5 very good)?',
    ),
    question('ehi-outside', 'yes-no', 'Is the garden or outside space clear and tidy?', false),
    question(
      'ehi-days-empty',
      'number',
      'How many days has the home been empty, if the officer can tell you?',
      false,
    ),
    question(
      'ehi-overall',
      'rating',
      'Overall, how well does the home meet the letting standard (1 far below to 5 above)?',
    ),
    question('ehi-notes', 'text', 'Anything else a new tenant would notice?', false),
  ],
};
