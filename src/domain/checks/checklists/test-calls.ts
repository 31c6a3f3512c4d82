import type { Checklist } from '../checklist';
import { question } from '../checklist';

/**
 * Torus TIMS terms of reference: "Test telephone calls to customer services to report a repair /
 * incident of anti-social behaviour" and "Test telephone calls to out of hours' service". The
 * timescales asked about are the Torus Liverpool local offers (Q3): answer 95% of calls;
 * emergency repairs attended within 2 hours and completed within 24; non-emergency repairs
 * within 20 calendar days; serious ASB responded to within 24 hours, general ASB within 5 days;
 * an out-of-hours line for emergency repairs 24 hours a day; the Hub open Mon-Fri 8am-5pm.
 */

const CALL_SAFETY =
  'Use only the made-up scenario in your brief and do not give your own tenancy details unless ' +
  'the brief says so. Tell the officer straight after the call so any job raised can be ' +
  'cancelled. Never name the adviser in your findings; note the time of the call instead.';

export const testCallRepair: Checklist = {
  kind: 'test-call-repair',
  title: 'Test call: reporting a repair',
  brief:
    'Phone the Customer Hub during opening hours (Monday to Friday, 8am to 5pm) and report the ' +
    'repair described in your brief. ' +
    CALL_SAFETY,
  sources: [
    'Torus TIMS terms of reference: test telephone calls to customer services to report a repair',
    'Torus Liverpool local offers Q3: answer 95% of calls; emergency repairs in 2 hours and completed in 24; non-emergency repairs within 20 calendar days',
  ],
  questions: [
    question('tcr-answered', 'yes-no', 'Was your call answered?'),
    question(
      'tcr-wait-seconds',
      'number',
      'How many seconds did you wait before a person answered?',
      false,
    ),
    question('tcr-diagnosed', 'yes-no', 'Did the adviser ask questions to diagnose the repair?'),
    question(
      'tcr-priority-explained',
      'yes-no',
      'Were you told whether it is an emergency or a non-emergency repair?',
    ),
    question(
      'tcr-timescale-given',
      'yes-no',
      'Were you given a timescale that matches the local offer (emergency: attend in 2 hours, complete in 24; non-emergency: within 20 calendar days)?',
    ),
    question('tcr-reference-given', 'yes-no', 'Were you given a job reference number?', false),
    question(
      'tcr-courtesy',
      'rating',
      'How polite and helpful was the adviser (1 very poor to 5 very good)?',
    ),
    question(
      'tcr-scenario',
      'text',
      'Which repair from your brief did you report, and at what time?',
    ),
  ],
};

export const testCallAsb: Checklist = {
  kind: 'test-call-asb',
  title: 'Test call: reporting anti-social behaviour',
  brief:
    'Phone the Customer Hub during opening hours and report the incident of anti-social ' +
    'behaviour described in your brief. ' +
    CALL_SAFETY,
  sources: [
    'Torus TIMS terms of reference: test telephone calls to customer services to report an incident of anti-social behaviour',
    'Torus Liverpool local offers Q3: serious ASB responded to within 24 hours, general ASB within 5 days; a clear simple process to report ASB; keep you informed',
  ],
  questions: [
    question('tca-answered', 'yes-no', 'Was your call answered?'),
    question(
      'tca-severity-assessed',
      'yes-no',
      'Did the adviser ask questions to decide whether it is serious ASB (harassment, hate, violence, threats) or general ASB (noise, vandalism, fly tipping)?',
    ),
    question(
      'tca-timescale-given',
      'yes-no',
      'Were you told when you would get a response (serious ASB within 24 hours, general ASB within 5 days)?',
    ),
    question(
      'tca-kept-informed',
      'yes-no',
      'Were you told who would deal with it and how you would be kept informed?',
      false,
    ),
    question(
      'tca-other-channels',
      'yes-no',
      'Were you told you could also report online, by letter, email or in person?',
      false,
    ),
    question(
      'tca-listened',
      'rating',
      'How well did the adviser listen and reassure you (1 very poor to 5 very good)?',
    ),
    question(
      'tca-scenario',
      'text',
      'Which scenario from your brief did you report, and at what time?',
    ),
  ],
};

export const testCallOutOfHours: Checklist = {
  kind: 'test-call-out-of-hours',
  title: 'Test call: out-of-hours emergency line',
  brief:
    'Phone the out-of-hours line outside Hub opening hours and report the emergency repair ' +
    'described in your brief. ' +
    CALL_SAFETY,
  sources: [
    "Torus TIMS terms of reference: test telephone calls to out of hours' service",
    'Torus Liverpool local offers Q3: an out of hours telephone service for emergency repairs 24 hours a day; emergency repairs attended within 2 hours',
  ],
  questions: [
    question('tco-answered', 'yes-no', 'Was your call answered?'),
    question(
      'tco-wait-minutes',
      'number',
      'How many minutes did you wait before a person answered?',
      false,
    ),
    question(
      'tco-emergency-recognised',
      'yes-no',
      'Did the service recognise whether the repair was an emergency?',
    ),
    question('tco-attendance-time', 'yes-no', 'Were you told someone would attend within 2 hours?'),
    question(
      'tco-safety-advice',
      'yes-no',
      'Were you given safety advice while you wait (for example, turning off the water or electricity)?',
      false,
    ),
    question(
      'tco-confidence',
      'rating',
      'How confident were you that the problem would be dealt with (1 not at all to 5 completely)?',
    ),
    question(
      'tco-scenario',
      'text',
      'Which emergency from your brief did you report, and at what day and time?',
    ),
  ],
};
